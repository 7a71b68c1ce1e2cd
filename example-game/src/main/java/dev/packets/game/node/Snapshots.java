package dev.packets.game.node;

import dev.packets.Bundle;
import dev.packets.PacketException;
import dev.packets.game.sim.Entity;
import dev.packets.game.sim.Simulation;
import dev.packets.game.wire.Spots;
import dev.packets.game.wire.Tick;
import dev.packets.server.PacketServer;
import dev.packets.server.PacketSocket;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each tick's snapshot to each joined player: {@code Bundle.of(Tick, Spots of node 1, Spots of node 2, …)}, this
 * node's positions as of this tick (those it just published) and the others' as they last published them. A player who watches the world
 * gets every wanderer of every node and the players within {@link GameServer#VIEW} of its own entity; any other
 * gets everything within {@code VIEW}, across borders.
 */
final class Snapshots {
  private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);
  private final GameNode node;
  private final PacketServer server;

  Snapshots(GameNode node, PacketServer server) {
    this.node = node;
    this.server = server;
  }

  /** On the loop thread, after a tick. */
  void send(Simulation sim) {
    List<PacketSocket> sockets = server.sockets();
    if (sockets.isEmpty()) {
      return;
    }
    List<Spots> all = new ArrayList<>();
    all.add(node.ownNow()); // made by this tick, on this thread, before its listeners ran
    all.addAll(node.othersNow());
    Tick tick = new Tick((int) sim.tick(), node.name());
    float r = GameServer.VIEW * Spots.Spot.SCALE;
    long r2 = (long) (r * r);
    for (PacketSocket socket : sockets) {
      Integer player = socket.get(GameServer.PLAYER);
      Entity me = player == null ? null : sim.find(player);
      if (me == null || !socket.connected()) {
        continue; // not joined, or its entity is on its way to another node
      }
      boolean world = Boolean.TRUE.equals(socket.get(GameServer.WATCH));
      long mx = Math.round(me.x() * Spots.Spot.SCALE);
      long my = Math.round(me.y() * Spots.Spot.SCALE);
      List<Object> packets = new ArrayList<>(all.size() + 1);
      packets.add(tick);
      for (Spots spots : all) {
        List<Spots.Spot> seen = new ArrayList<>();
        for (Spots.Spot s : spots.spots()) {
          long dx = s.x() - mx;
          long dy = s.y() - my;
          if (world && !Simulation.isPlayer(s.entity()) || dx * dx + dy * dy <= r2) {
            seen.add(s);
          }
        }
        packets.add(new Spots(spots.node(), seen));
      }
      try {
        socket.push(new Bundle(packets));
      } catch (PacketException e) {
        // one player's view that cannot be encoded must not cost the others theirs
        LOG.warn("cannot send tick {} to {}: {}", tick.tick(), socket, e.getMessage());
      }
    }
  }
}
