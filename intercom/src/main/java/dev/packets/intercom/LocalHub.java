package dev.packets.intercom;

import dev.packets.PacketRegistry;
import dev.packets.intercom.node.Frames;
import dev.packets.intercom.node.NodeCore;
import dev.packets.intercom.node.Payloads;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

/**
 * Several intercom nodes in one JVM: the embedded default. Every node that {@link #join joins} the hub is a member
 * until it closes; an ask reaches every member, and each member's handler runs on that member's executor.
 *
 * <p>{@link #create()} hands questions and answers over as they are; {@link #binary(PacketRegistry)} passes every
 * frame through the binary codec that the network transports use, so that what works here works there.
 */
public final class LocalHub {
  private final ConcurrentMap<String, LocalIntercom> nodes = new ConcurrentHashMap<>();
  private final Frames wire;

  private LocalHub(Frames wire) {
    this.wire = wire;
  }

  /** A hub that hands payloads and answers over as they are. */
  public static LocalHub create() {
    return new LocalHub(null);
  }

  /** A hub that encodes and decodes every frame, with {@code registry}'s packets and limits. */
  public static LocalHub binary(PacketRegistry registry) {
    return new LocalHub(new Frames(new Payloads(registry)));
  }

  /** A new node whose handlers run one at a time on a thread of its own. */
  public LocalIntercom join(String id) {
    return join(id, null);
  }

  /** A new node whose handlers run on {@code executor}; fails if a member already has the id. */
  public LocalIntercom join(String id, Executor executor) {
    LocalIntercom node = new LocalIntercom(this, new NodeCore(id, executor, wire));
    if (nodes.putIfAbsent(id, node) != null) {
      node.core().close();
      throw new IllegalArgumentException("node '" + id + "' is already a member of this hub");
    }
    return node;
  }

  /** The members' ids, sorted. */
  public Set<String> members() {
    return Collections.unmodifiableSet(new TreeSet<>(nodes.keySet()));
  }

  List<LocalIntercom> peersOf(String self) {
    return nodes.values().stream().filter(n -> !n.self().equals(self))
        .sorted((a, b) -> a.self().compareTo(b.self())).toList();
  }

  LocalIntercom node(String id) {
    return nodes.get(id);
  }

  void leave(LocalIntercom node) {
    if (nodes.remove(node.self(), node)) {
      for (LocalIntercom other : nodes.values()) {
        other.core().left(node.self());
      }
    }
  }
}
