package dev.packets.game.node;

import dev.packets.game.wire.NodeInfo;
import dev.packets.game.wire.Nodes;
import dev.packets.server.PacketServer;
import dev.packets.server.PacketSocket;
import dev.packets.server.ServerMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every node's {@link NodeInfo}: once a second this node publishes its own on the intercom ({@value #TOPIC}) and
 * pushes all it knows, as {@link Nodes}, to the players who watch the world. The nodes' addresses come this way
 * too (what a {@code Redirect} names).
 */
final class NodeStats {
  static final String TOPIC = "game:nodes";
  private static final long STALE_NANOS = 3_000_000_000L;

  private record Known(NodeInfo info, long at) {}

  private final GameNode node;
  private final PacketServer server;
  private final String url;
  private final Map<String, Known> known = new ConcurrentHashMap<>();
  private long[] last = new long[5];

  NodeStats(GameNode node, PacketServer server, String url) {
    this.node = node;
    this.server = server;
    this.url = url;
    node.intercom().subscribe(TOPIC, (value, from) -> {
      if (value instanceof NodeInfo info && info.name().equals(from)) {
        known.put(from, new Known(info, System.nanoTime()));
      }
    });
  }

  /** The address of {@code name}, as it last published it, or null. */
  String urlOf(String name) {
    Known k = known.get(name);
    return k == null ? null : k.info().url();
  }

  /** Every second. */
  void publish() {
    ServerMetrics m = server.metrics();
    long[] now = {m.packetsIn(), m.packetsOut(), m.bytesIn(), m.bytesOut(), node.handoffCounts()[0]};
    long[] delta = new long[now.length];
    for (int i = 0; i < now.length; i++) {
      delta[i] = Math.max(0, now[i] - last[i]);
    }
    last = now;
    NodeInfo mine = new NodeInfo(node.name(), url, node.entities(), node.players(), (int) delta[0], (int) delta[1],
        (int) delta[2], (int) delta[3], (int) delta[4]);
    known.put(node.name(), new Known(mine, System.nanoTime()));
    node.intercom().publish(TOPIC, mine).exceptionally(e -> null);
    long fresh = System.nanoTime() - STALE_NANOS;
    List<NodeInfo> all = new ArrayList<>();
    known.values().stream().filter(k -> k.at() - fresh > 0).map(Known::info)
        .sorted(Comparator.comparing(NodeInfo::name)).forEach(all::add);
    Nodes nodes = new Nodes(all);
    for (PacketSocket socket : server.sockets()) {
      if (Boolean.TRUE.equals(socket.get(GameServer.WATCH)) && socket.connected()) {
        socket.push(nodes);
      }
    }
  }

  void close() {
    node.intercom().unsubscribe(TOPIC);
  }
}
