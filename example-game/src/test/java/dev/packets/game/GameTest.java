package dev.packets.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.game.node.GameServer;
import dev.packets.game.sim.Simulation;
import dev.packets.game.wire.Chat;
import dev.packets.game.wire.Input;
import dev.packets.game.wire.Join;
import dev.packets.game.wire.Joined;
import dev.packets.game.wire.Position;
import dev.packets.game.wire.Spots;
import dev.packets.game.wire.Tick;
import dev.packets.game.wire.WhereIs;
import dev.packets.socketio.PacketError;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Three nodes on a local intercom, a Java client on node 1. */
class GameTest {
  private List<GameServer> servers;
  private PacketClient client;

  @BeforeEach
  void start() {
    servers = GameMain.start(new GameMain.Options(3, 1, null, "127.0.0.1", 0, 100, 42, 0));
    client = PacketClient.connect(URI.create("http://127.0.0.1:" + servers.get(0).port()), GameServer.PACKETS,
        ClientOptions.DEFAULT);
  }

  @AfterEach
  void stop() {
    client.close();
    servers.forEach(GameServer::close);
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  private static PacketError refused(CompletableFuture<Object> f) {
    return assertInstanceOf(PacketError.class, assertThrows(ExecutionException.class, () -> get(f)).getCause());
  }

  @Test
  void whereIsFindsAnEntityOfAnotherNodeWithItsOwner() throws Exception {
    int entity = 2 * Simulation.ID_BLOCK + 17;
    Position there = get(client.request(new WhereIs(entity)));
    assertEquals("node-3", there.node());
    assertEquals(entity, there.entity());
    Position truth = servers.get(2).node().call(sim -> new Position(entity, sim.find(entity).x(), sim.find(entity).y(),
        "node-3")).get(5, TimeUnit.SECONDS);
    // the world moves on between the two questions: at most a few ticks at 60 units a second
    assertTrue(Math.hypot(truth.x() - there.x(), truth.y() - there.y()) < 30, there + " vs " + truth);
    assertEquals("node-1", get(client.request(new WhereIs(5))).node());
    assertEquals(null, get(client.request(new WhereIs(99_999))));
  }

  @Test
  void chatReachesPlayersOnEveryNode() throws Exception {
    List<Chat> onNode3 = new CopyOnWriteArrayList<>();
    try (PacketClient other = PacketClient.connect(URI.create("http://127.0.0.1:" + servers.get(2).port()),
        GameServer.PACKETS, ClientOptions.DEFAULT)) {
      other.accept(Chat.class, chat -> {
        onNode3.add(chat);
        return null;
      });
      get(client.send(new Chat("ada", "hello from node 1", java.util.Map.of())));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (onNode3.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(List.of("hello from node 1"), onNode3.stream().map(Chat::text).toList(),
          "a chat on node 1 reaches a player on node 3");
    }
  }

  @Test
  void aPlayerWhoseConnectionDropsComesBackWithItsEntityAndTheChatItMissed() throws Exception {
    try (dev.packets.testing.TcpProxy proxy = new dev.packets.testing.TcpProxy(servers.get(0).port());
        PacketClient player = PacketClient.connect(URI.create("http://127.0.0.1:" + proxy.port()), GameServer.PACKETS,
            new ClientOptions(null, java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5), true,
                java.time.Duration.ofMillis(100)))) {
      List<String> chat = new CopyOnWriteArrayList<>();
      player.accept(Chat.class, c -> chat.add(c.text()) ? null : null);
      player.accept(Tick.class, t -> null);
      player.accept(Spots.class, s -> null);
      Joined me = (Joined) get(player.send(new Join("ada")));
      proxy.refuse(true);
      proxy.cut();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (servers.get(0).server().metrics().parked() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(1, servers.get(0).server().metrics().parked(), "the player's session waits");
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (player.isConnected() && System.nanoTime() < deadline) {
        Thread.sleep(10); // the client notices too, else awaitConnected sees its old connection
      }
      get(client.send(new Chat("bob", "where did ada go?", Map.of())));
      Thread.sleep(100);
      proxy.refuse(false);
      player.awaitConnected(java.time.Duration.ofSeconds(15));
      assertTrue(player.recovered());
      assertEquals(null, get(player.send(new Input(me.entity(), 1f, 60f))), "still steering its own entity");
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (chat.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(List.of("where did ada go?"), chat);
    }
  }

  @Test
  void cheatingInputIsRefused() throws Exception {
    Joined me = (Joined) get(client.send(new Join("ada")));
    assertEquals("node-1", me.node());
    assertEquals(null, get(client.send(new Input(me.entity(), 1f, 60f))));
    PacketError tooFast = refused(client.send(new Input(me.entity(), 1f, 500f)));
    assertEquals(422, tooFast.code());
    assertEquals("speed 500.0 is too fast (at most 120.0)", tooFast.reason());
    PacketError notMine = refused(client.send(new Input(3, 1f, 10f)));
    assertEquals(403, notMine.code());
    PacketError longChat = refused(client.send(new Chat("ada", "x".repeat(201), Map.of())));
    assertEquals(413, longChat.code());
  }

  @Test
  void aSnapshotBundleArrivesEveryTick() throws Exception {
    List<Tick> ticks = new CopyOnWriteArrayList<>();
    List<Spots> spots = new CopyOnWriteArrayList<>();
    client.accept(Tick.class, t -> ticks.add(t) ? null : null);
    client.accept(Spots.class, s -> spots.add(s) ? null : null);
    get(client.send(new Join("bob")));
    Thread.sleep(1000);
    int seen = ticks.size();
    assertTrue(seen >= 10 && seen <= 25, seen + " ticks in a second at 20 Hz");
    assertTrue(ticks.get(ticks.size() - 1).tick() > ticks.get(0).tick());
    assertEquals("node-1", ticks.get(0).node());
    assertNotNull(spots.isEmpty() ? null : spots.get(0));
  }
}
