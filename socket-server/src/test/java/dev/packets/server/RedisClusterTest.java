package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.intercom.Intercom;
import dev.packets.intercom.redis.RedisIntercom;
import dev.packets.server.TestPackets.Echo;
import dev.packets.testing.RedisServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster's contract on a real redis-server (each test its own channel prefix), and three servers on it acting as
 * one: a broadcast and a room send reach every node's sockets once.
 */
class RedisClusterTest extends ClusterContract {
  private static final java.util.concurrent.atomic.AtomicInteger TESTS = new java.util.concurrent.atomic.AtomicInteger();
  private RedisServer redis;
  private final String prefix = "contract-" + TESTS.incrementAndGet();

  @org.junit.jupiter.api.BeforeEach
  void startRedis() {
    redis = RedisServer.startOrSkip();
    open.add(redis);
  }

  @Override
  protected Intercom join(String id) {
    return RedisIntercom.builder(redis.uri()).id(id).prefix(prefix).secret("cluster-test-secret-1234")
        .heartbeat(java.time.Duration.ofMillis(200)).registry(TestPackets.REGISTRY).start();
  }

  @Test
  void broadcastAndRoomSendCrossNodesOnRedis() throws Exception {
    List<PacketServer> servers = new ArrayList<>();
    List<Intercom> nodes = new ArrayList<>();
    for (String id : List.of("n1", "n2", "n3")) {
      Intercom node = RedisIntercom.builder(redis.uri()).id(id).prefix("cluster-test").secret("cluster-test-secret-1234")
          .registry(TestPackets.REGISTRY).start();
      nodes.add(node);
      PacketServer server = TestPackets.server().intercom(node)
          .onConnect(socket -> {
            if (!id.equals("n3")) {
              socket.join("red");
            }
          }).build().start();
      open.add(() -> {
        server.close();
        node.close();
      });
      servers.add(server);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (nodes.stream().anyMatch(n -> n.members().size() < 3) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(nodes.stream().allMatch(n -> n.members().equals(Set.of("n1", "n2", "n3"))), "the nodes meet");
    List<List<String>> got = new ArrayList<>();
    for (PacketServer server : servers) {
      List<String> mine = new CopyOnWriteArrayList<>();
      PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()),
          TestPackets.REGISTRY, ClientOptions.DEFAULT);
      client.accept(Echo.class, echo -> {
        mine.add(echo.text());
        return null;
      });
      open.add(client);
      got.add(mine);
    }
    servers.get(0).broadcast(new Echo("all"));
    servers.get(1).to("red").send(new Echo("red"));
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while ((got.get(0).size() < 2 || got.get(1).size() < 2 || got.get(2).isEmpty())
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(300); // nothing more comes
    // each once; two senders on two nodes: no order between them (each one's own sends keep theirs)
    assertEquals(List.of("all", "red"), got.get(0).stream().sorted().toList());
    assertEquals(List.of("all", "red"), got.get(1).stream().sorted().toList());
    assertEquals(List.of("all"), got.get(2), "n3's sockets are not in the room");
    assertEquals(3, servers.get(2).cluster().count(null, Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS));
  }
}
