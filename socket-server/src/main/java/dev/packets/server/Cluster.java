package dev.packets.server;

import dev.packets.PacketRegistry;
import dev.packets.intercom.Gathered;
import dev.packets.intercom.Intercom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fan-out across the nodes that share the server's intercom: a broadcast or a room send is encoded once, pushed to
 * this node's matching sockets at once, and published once on the intercom for the other nodes, which push the same
 * bytes to theirs. Without an intercom it is this node alone.
 *
 * <p>The publication, on topic {@value #TOPIC}: {@code [registry fingerprint, packet id, payload bytes, room or
 * null, [socket ids to skip], socket id or null, attribute name or null, attribute value]} (a socket id: that
 * socket alone, wherever it is; an attribute: the sockets whose attribute of that name equals the value). A node whose
 * registry has another fingerprint drops it and counts it (a packet id would name another packet there).
 *
 * <p>Questions about the whole cluster are intercom asks of every node ({@value #SOCKETS}: a room's socket ids),
 * answered from each node's own state: a slow or gone node is named in the {@code Gathered}, never fails the query.
 */
final class Cluster {
  static final String TOPIC = "packets:fan-out";
  static final String SOCKETS = "packets:sockets";
  static final String PRESENCE = "packets:presence";
  static final String ONLINE = "packets:online";

  /** A socket somewhere in the cluster, as presence knows it. */
  record Online(String node, String principal) {}

  /** Every admitted socket of the cluster this node has heard of, by socket id. */
  private final Map<String, Online> online = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<PresenceListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private static final Logger LOG = LoggerFactory.getLogger(PacketServer.class);

  private final Intercom intercom;
  private final PacketRegistry registry;
  private final Sessions sessions;
  private final Outbound outbound;
  private final ServerMetrics metrics;

  Cluster(Intercom intercom, PacketRegistry registry, Sessions sessions, Outbound outbound, ServerMetrics metrics) {
    this.intercom = intercom;
    this.registry = registry;
    this.sessions = sessions;
    this.outbound = outbound;
    this.metrics = metrics;
  }

  /** Starts receiving the other nodes' fan-outs and answering their questions. */
  void start() {
    if (intercom != null) {
      intercom.subscribe(TOPIC, this::received);
      intercom.handle(SOCKETS, (room, ask) -> targets(room instanceof String r ? r : null, List.of()).stream()
          .map(PacketSocket::id).toList());
      intercom.handle(ONLINE, (nothing, ask) -> sessions.admitted().stream()
          .map(socket -> java.util.Arrays.asList(socket.id(), principal(socket))).toList());
      intercom.subscribe(PRESENCE, this::presence);
      intercom.onLeft(this::nodeLeft);
      // the sockets other nodes held before this one started: known, not announced
      intercom.ask(ONLINE, null, Duration.ofSeconds(5)).thenAccept(gathered -> gathered.answers().forEach(
          (node, sockets) -> {
            if (!node.equals(intercom.self()) && sockets instanceof List<?> list) {
              for (Object entry : list) {
                if (entry instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof String id) {
                  online.putIfAbsent(id, new Online(node, pair.get(1) instanceof String p ? p : null));
                }
              }
            }
          }));
    }
  }

  private static String principal(PacketSocket socket) {
    Object principal = socket.principal();
    return principal == null ? null : String.valueOf(principal);
  }

  void onPresence(PresenceListener listener) {
    listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
  }

  /** The admitted sockets of the cluster as this node knows them: socket id → node. */
  Map<String, String> online() {
    Map<String, String> out = new java.util.TreeMap<>();
    online.forEach((id, where) -> out.put(id, where.node()));
    return java.util.Collections.unmodifiableMap(out);
  }

  /** The principals (as text) of the admitted sockets, by node: an ask of every node. */
  CompletableFuture<Gathered> principals(Duration timeout) {
    if (intercom == null) {
      List<String> here = sessions.admitted().stream().map(Cluster::principal).filter(p -> p != null).toList();
      return CompletableFuture.completedFuture(new Gathered(ONLINE, Set.of("local"), Map.of("local", here),
          Set.of(), Map.of(), Set.of(), Set.of()));
    }
    return intercom.ask(ONLINE, null, timeout).thenApply(gathered -> {
      Map<String, Object> answers = new java.util.LinkedHashMap<>();
      gathered.answers().forEach((node, sockets) -> {
        List<String> principals = new ArrayList<>();
        if (sockets instanceof List<?> list) {
          for (Object entry : list) {
            if (entry instanceof List<?> pair && pair.size() == 2 && pair.get(1) instanceof String p) {
              principals.add(p);
            }
          }
        }
        answers.put(node, principals);
      });
      return new Gathered(ONLINE, gathered.asked(), answers, gathered.noHandler(), gathered.failed(),
          gathered.timedOut(), gathered.left());
    });
  }

  /** A socket of this node was admitted: every node is told (this one too). */
  void joined(PacketSocket socket) {
    announce("joined", socket.id(), principal(socket), null);
  }

  /** A socket of this node is gone. */
  void left(PacketSocket socket, String reason) {
    announce("left", socket.id(), principal(socket), reason);
  }

  private void announce(String kind, String socketId, String principal, String reason) {
    if (intercom == null) {
      presence(java.util.Arrays.asList(kind, socketId, principal, reason), "local");
      return;
    }
    intercom.publish(PRESENCE, java.util.Arrays.asList(kind, socketId, principal, reason))
        .whenComplete((ok, error) -> {
          if (error != null) {
            metrics.clusterLost.increment();
          }
        });
  }

  private void presence(Object value, String node) {
    if (!(value instanceof List<?> event) || event.size() != 4 || !(event.get(1) instanceof String id)) {
      metrics.clusterDropped.increment();
      return;
    }
    String principal = event.get(2) instanceof String p ? p : null;
    if ("joined".equals(event.get(0))) {
      online.put(id, new Online(node, principal));
      for (PresenceListener listener : listeners) {
        safely(() -> listener.joined(id, principal, node));
      }
    } else if ("left".equals(event.get(0)) && leftFrom(id, node)) {
      String reason = event.get(3) instanceof String r ? r : "gone";
      for (PresenceListener listener : listeners) {
        safely(() -> listener.left(id, principal, node, reason));
      }
    }
  }

  /**
   * Forgets socket {@code id} as held by {@code node}; false when another node holds it now (a session that moved
   * there: its arrival may be heard before its departure).
   */
  private boolean leftFrom(String id, String node) {
    boolean[] removed = new boolean[1];
    online.computeIfPresent(id, (key, where) -> {
      if (where.node().equals(node)) {
        removed[0] = true;
        return null;
      }
      return where;
    });
    return removed[0];
  }

  /** A node left the intercom: its sockets leave with it. */
  private void nodeLeft(String node) {
    for (Map.Entry<String, Online> entry : online.entrySet()) {
      if (entry.getValue().node().equals(node) && online.remove(entry.getKey(), entry.getValue())) {
        for (PresenceListener listener : listeners) {
          safely(() -> listener.left(entry.getKey(), entry.getValue().principal(), node, "node " + node + " left"));
        }
      }
    }
  }

  private static void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("a presence listener failed: {}", e.toString());
    }
  }

  void stop() {
    if (intercom != null) {
      intercom.unsubscribe(TOPIC);
      intercom.unsubscribe(PRESENCE);
      intercom.unhandle(SOCKETS);
      intercom.unhandle(ONLINE);
    }
  }

  /** The ids of the sockets in {@code room} (null: all), by node; this node alone without an intercom. */
  CompletableFuture<Gathered> sockets(String room, Duration timeout) {
    if (intercom == null) {
      List<String> here = targets(room, List.of()).stream().map(PacketSocket::id).toList();
      return CompletableFuture.completedFuture(new Gathered(SOCKETS, Set.of("local"), Map.of("local", here),
          Set.of(), Map.of(), Set.of(), Set.of()));
    }
    return intercom.ask(SOCKETS, room, timeout);
  }

  /**
   * Which sockets a fan-out is for: those in {@code room} (null: any), but the ids in {@code except}, only
   * {@code only} (null: any), and with attribute {@code key} equal to {@code value} (null key: any).
   */
  record Target(String room, Set<String> except, String only, String key, Object value) {
    static final Target ALL = new Target(null, Set.of(), null, null, null);

    boolean matches(PacketSocket socket) {
      return (room == null || socket.in(room)) && !except.contains(socket.id())
          && (only == null || only.equals(socket.id())) && (key == null || same(value, socket.attribute(key)));
    }

    /** Equal as JSON-like values: numbers by value (a JSON 7 may come back a Long), the rest by equals. */
    private static boolean same(Object wanted, Object actual) {
      if (wanted instanceof Number a && actual instanceof Number b) {
        return new java.math.BigDecimal(a.toString()).compareTo(new java.math.BigDecimal(b.toString())) == 0;
      }
      return java.util.Objects.equals(wanted, actual);
    }
  }

  /**
   * Sends {@code packet} to the matching sockets of every node; fails at once, sending nothing, if it cannot be
   * encoded.
   */
  void send(Target target, Object packet) {
    byte[] payload = registry.encode(packet);
    int id = registry.id(packet.getClass());
    outbound.pushEncoded(targets(target), id, payload);
    if (intercom == null) {
      return;
    }
    List<Object> message = java.util.Arrays.asList(registry.fingerprint(), id, payload, target.room(),
        List.copyOf(target.except()), target.only(), target.key(), target.value());
    intercom.publish(TOPIC, message).whenComplete((ok, error) -> {
      if (error != null) {
        metrics.clusterLost.increment();
        LOG.debug("a fan-out of {} did not reach the other nodes: {}", registry.name(id), error.toString());
      }
    });
  }

  /** Sends {@code packet} to the socket {@code socketId}, on whichever node holds it (none: nothing happens). */
  void sendTo(String socketId, Object packet) {
    send(new Target(null, Set.of(), socketId, null, null), packet);
  }

  private List<PacketSocket> targets(Target target) {
    List<PacketSocket> targets = new ArrayList<>();
    for (PacketSocket socket : sessions.admitted()) {
      if (target.matches(socket)) {
        targets.add(socket);
      }
    }
    return targets;
  }

  private List<PacketSocket> targets(String room, Collection<String> except) {
    return targets(new Target(room, Set.copyOf(except), null, null, null));
  }

  /** Another node's fan-out: the same bytes to this node's matching sockets. */
  private void received(Object value, String from) {
    if (from.equals(intercom.self())) {
      return; // pushed to this node's sockets when it was sent
    }
    if (!(value instanceof List<?> m) || m.size() != 8 || !(m.get(1) instanceof Number id)
        || !(m.get(2) instanceof byte[] payload) || !(m.get(4) instanceof List<?> except)
        || !(m.get(3) == null || m.get(3) instanceof String) || !(m.get(5) == null || m.get(5) instanceof String)
        || !(m.get(6) == null || m.get(6) instanceof String)) {
      metrics.clusterDropped.increment();
      LOG.debug("dropped a malformed fan-out from node {}", from);
      return;
    }
    if (!registry.fingerprint().equals(m.get(0))) {
      metrics.clusterDropped.increment();
      LOG.debug("dropped a fan-out from node {}: its packet registry is {}, this node's {}", from, m.get(0),
          registry.fingerprint());
      return;
    }
    int packetId = id.intValue();
    if (packetId < 1 || packetId > registry.size()) {
      metrics.clusterDropped.increment();
      return;
    }
    Set<String> skip = new java.util.HashSet<>();
    for (Object socket : except) {
      skip.add(String.valueOf(socket));
    }
    Target target = new Target((String) m.get(3), skip, (String) m.get(5), (String) m.get(6), m.get(7));
    outbound.pushEncoded(targets(target), packetId, payload);
  }
}
