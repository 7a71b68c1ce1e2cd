package dev.packets.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.game.node.GameServer;
import dev.packets.game.sim.Simulation;
import dev.packets.game.wire.Position;
import dev.packets.game.wire.WhereIs;
import dev.packets.testing.RedisServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Three game nodes that find each other through a real redis-server started on a free loopback port. */
class RedisGameTest {
  private RedisServer redis;
  private final List<GameServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(GameServer::close);
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void whereIsCrossesNodesOverRedis() throws Exception {
    redis = RedisServer.startOrSkip();
    int port = redis.port();
    for (int node = 1; node <= 3; node++) {
      servers.addAll(GameMain.start(new GameMain.Options(3, node, "redis://127.0.0.1:" + port, "127.0.0.1", 0, 50,
          42, 0)));
    }
    try (PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + servers.get(0).port()),
        GameServer.PACKETS, ClientOptions.DEFAULT)) {
      int entity = 2 * Simulation.ID_BLOCK + 4;
      Position where = client.request(new WhereIs(entity)).get(10, TimeUnit.SECONDS);
      assertEquals("node-3", where.node());
      assertEquals(entity, where.entity());
      assertTrue(where.x() >= 0 && where.x() <= Simulation.WORLD);
      assertEquals("node-2", client.request(new WhereIs(Simulation.ID_BLOCK + 1)).get(10, TimeUnit.SECONDS)
          .node());
    }
  }
}
