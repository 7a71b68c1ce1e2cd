package dev.packets.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.Redirect;
import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.game.node.GameServer;
import dev.packets.game.sim.Simulation;
import dev.packets.game.wire.Joined;
import dev.packets.game.wire.Join;
import dev.packets.game.wire.Input;
import dev.packets.game.wire.Position;
import dev.packets.game.wire.Spots;
import dev.packets.game.wire.Tick;
import dev.packets.game.wire.WhereIs;
import dev.packets.testing.RedisServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Three game nodes, each with its own intercom and ledger connection, that find each other through a real Redis. */
class RedisGameTest {
  private RedisServer redis;
  private final List<Game> games = new ArrayList<>();

  @AfterEach
  void stop() {
    games.forEach(Game::close);
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void whereIsAndAPlayersMoveCrossNodesOverRedis() throws Exception {
    redis = RedisServer.startOrSkip();
    for (int node = 1; node <= 3; node++) {
      games.add(Game.start(GameMain.Options.redis("redis://127.0.0.1:" + redis.port(), node, 3, 50)));
    }
    GameServer first = games.get(0).server(0);
    GameServer second = games.get(1).server(0);
    try (PacketClient client = PacketClient.connect(URI.create(first.url()), GameServer.PACKETS,
        new ClientOptions(null, Duration.ofSeconds(5), Duration.ofSeconds(5), true, Duration.ofMillis(200)))) {
      List<Joined> joined = new CopyOnWriteArrayList<>();
      client.accept(Redirect.class, r -> {
        client.moveTo(URI.create(r.location()));
        return null;
      });
      client.accept(Joined.class, j -> joined.add(j) ? null : null);
      client.accept(Tick.class, t -> null);
      client.accept(Spots.class, s -> null);
      Joined me = (Joined) client.send(new Join("ada", false)).get(10, TimeUnit.SECONDS);
      int wanderer = Simulation.ID_BLOCK + 4;
      first.node().call(sim -> {
        sim.place(me.entity(), 980, 500);
        return null;
      }).get(5, TimeUnit.SECONDS);
      second.node().call(sim -> {
        sim.place(wanderer, 1150, 520);
        return null;
      }).get(5, TimeUnit.SECONDS);
      Position where = client.request(new WhereIs(wanderer)).get(10, TimeUnit.SECONDS);
      assertEquals("node-2", where.node(), "answered by its owner, through Redis");
      assertEquals(wanderer, where.entity());

      client.send(new Input(me.entity(), 0f, Simulation.MAX_SPEED)).get(10, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (joined.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(List.of(new Joined(me.entity(), "node-2", "ada", 3000f, 1000f)), joined);
      assertTrue(client.recovered(), "the session came from node 1 through Redis");
      assertTrue(second.node().holds(me.entity()));
    }
  }
}
