package dev.packets.server;

import dev.packets.intercom.Gathered;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The nodes that share the server's intercom, seen as one server ({@code server.cluster()}); without an intercom,
 * this node alone. Sends go out at once and never wait; questions are asks of every node whose answers come by
 * their timeout, with a slow or gone node named in the {@link Gathered} rather than failing the question.
 */
public final class ClusterView {
  private final Cluster cluster;

  ClusterView(Cluster cluster) {
    this.cluster = cluster;
  }

  /**
   * The ids of the sockets in {@code room} (null: every socket), by node. Without an intercom: this node, as
   * {@code "local"}.
   */
  public CompletableFuture<Gathered> sockets(String room, Duration timeout) {
    return cluster.sockets(room, timeout);
  }

  /** How many sockets are in {@code room} (null: all) on the nodes that answered within {@code timeout}. */
  public CompletableFuture<Integer> count(String room, Duration timeout) {
    return sockets(room, timeout).thenApply(gathered -> gathered.answers().values().stream()
        .mapToInt(ids -> ids instanceof java.util.List<?> list ? list.size() : 0).sum());
  }

  /** The principals (as text) of the admitted sockets, by node; a slow or gone node is named, not fatal. */
  public CompletableFuture<Gathered> principals(Duration timeout) {
    return cluster.principals(timeout);
  }

  /**
   * Every admitted socket of the cluster as this node knows it now, socket id → node: kept from the other nodes'
   * announcements (and asked of them when this server started); a node that leaves takes its sockets out.
   */
  public java.util.Map<String, String> online() {
    return cluster.online();
  }

  /** Tells {@code listener} of every socket admitted or gone on any node (this one included). */
  public ClusterView onPresence(PresenceListener listener) {
    cluster.onPresence(listener);
    return this;
  }

  /**
   * Pushes {@code packet} to the socket {@code socketId} on whichever node holds it, asking for no response; a
   * socket that is nowhere gets nothing.
   *
   * @throws dev.packets.EncodeException if the packet cannot be encoded (nothing is sent)
   */
  public void push(String socketId, Object packet) {
    cluster.sendTo(Objects.requireNonNull(socketId, "socket id"), packet);
  }
}
