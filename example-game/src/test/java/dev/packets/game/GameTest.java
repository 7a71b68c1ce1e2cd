package dev.packets.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.Redirect;
import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.game.node.GameServer;
import dev.packets.game.sim.Simulation;
import dev.packets.game.wire.Chat;
import dev.packets.game.wire.Input;
import dev.packets.game.wire.Join;
import dev.packets.game.wire.Joined;
import dev.packets.game.wire.Nodes;
import dev.packets.game.wire.Position;
import dev.packets.game.wire.Spots;
import dev.packets.game.wire.Tick;
import dev.packets.game.wire.WhereIs;
import dev.packets.socketio.PacketError;
import dev.packets.testing.TcpProxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Three nodes on a local intercom, Java clients on them. */
class GameTest {
  private Game game;
  private final List<PacketClient> clients = new ArrayList<>();

  @BeforeEach
  void start() {
    game = Game.start(GameMain.Options.local(3, 100).withLimits(4, 3));
  }

  @AfterEach
  void stop() {
    clients.forEach(PacketClient::close);
    game.close();
  }

  private PacketClient client(int node) {
    PacketClient client = PacketClient.connect(URI.create(game.urls().get(node)), GameServer.PACKETS,
        new ClientOptions(null, Duration.ofSeconds(5), Duration.ofSeconds(5), true, Duration.ofMillis(200)));
    clients.add(client);
    return client;
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  private static PacketError refused(CompletableFuture<?> f) {
    return assertInstanceOf(PacketError.class, assertThrows(ExecutionException.class, () -> get(f)).getCause());
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(condition.getAsBoolean(), what);
  }

  private Position truth(int node, int entity) throws Exception {
    return get(game.server(node).node().call(sim -> sim.find(entity) == null ? null
        : new Position(entity, sim.find(entity).x(), sim.find(entity).y(), "node-" + (node + 1))));
  }

  private void place(int node, int entity, float x, float y) throws Exception {
    get(game.server(node).node().call(sim -> {
      sim.place(entity, x, y);
      return null;
    }));
  }

  @Test
  void whereIsAnswersWhatTheAskerCanSeeAndRefusesTheRest() throws Exception {
    PacketClient client = client(0);
    assertEquals(401, refused(client.request(new WhereIs(5))).code(), "not joined");
    Joined me = (Joined) get(client.send(new Join("ada", false)));
    place(0, me.entity(), 950, 500);
    assertEquals("node-1", get(client.request(new WhereIs(me.entity()))).node(), "its own entity");
    // a wanderer of node 2 near the border, and one far away
    int near = Simulation.ID_BLOCK + 1;
    int far = 2 * Simulation.ID_BLOCK + 1;
    place(1, near, 1150, 500);
    place(2, far, 2900, 900);
    Position there = get(client.request(new WhereIs(near)));
    assertEquals("node-2", there.node(), "seen across the border, answered by its owner");
    assertTrue(Math.abs(there.x() - 1150) < 20, there.toString());
    PacketError hidden = refused(client.request(new WhereIs(far)));
    assertEquals(403, hidden.code());
    assertEquals("entity " + far + " is not in your view", hidden.reason());
    assertEquals(403, refused(client.request(new WhereIs(99_999))).code(), "an unknown entity is no different");

    // a player who watches the world sees every wanderer, but not players far from it
    PacketClient watcher = client(2);
    Joined other = (Joined) get(watcher.send(new Join("bob", true)));
    place(2, other.entity(), 2500, 500);
    assertEquals("node-2", get(watcher.request(new WhereIs(near))).node());
    assertEquals(403, refused(watcher.request(new WhereIs(me.entity()))).code(), "ada is far from bob");
  }

  @Test
  void chatGoesToEveryNodeUnderTheSendersNameAndWithinItsRules() throws Exception {
    PacketClient ada = client(0);
    PacketClient bob = client(2);
    List<Chat> onNode3 = new CopyOnWriteArrayList<>();
    bob.accept(Chat.class, chat -> onNode3.add(chat) ? null : null);
    assertEquals(401, refused(ada.send(new Chat("ada", "hi", Map.of()))).code(), "not joined");
    get(ada.send(new Join("ada", false)));
    get(ada.send(new Chat("the admin", "hello from node 1", Map.of("color", "teal"))));
    await(() -> !onNode3.isEmpty(), "a chat on node 1 reaches a player on node 3");
    assertEquals(new Chat("ada", "hello from node 1", Map.of("color", "teal")), onNode3.get(0),
        "the sender's own name, not the one it claimed");

    PacketError big = refused(ada.send(new Chat("", "x", Map.of("blob", "y".repeat(1000)))));
    assertEquals(413, big.code());
    assertEquals("Chat.meta.blob of 1000 characters (at most 64)", big.reason());
    Map<String, Object> many = new java.util.HashMap<>();
    for (int i = 0; i < 9; i++) {
      many.put("k" + i, i);
    }
    assertEquals(413, refused(ada.send(new Chat("", "x", many))).code());
    assertEquals(422, refused(ada.send(new Chat("", "x", Map.of("list", List.of(1, 2))))).code());
    assertEquals(413, refused(ada.send(new Chat("", "x".repeat(201), Map.of()))).code());
    // one line sent, one refused for its size: the rate allows four more at once, then refuses
    for (int i = 0; i < 4; i++) {
      get(ada.send(new Chat("", "line " + i, Map.of())));
    }
    PacketError tooFast = refused(ada.send(new Chat("", "one more", Map.of())));
    assertEquals(429, tooFast.code());
    assertTrue(tooFast.reason().startsWith("chat: at most 5 lines at once, then one a second"), tooFast.reason());
  }

  @Test
  void aNodeTakesAtMostAFewPlayersFromOneAddress() throws Exception {
    // limits of this test's game: 4 players a node, 3 from one address
    for (int i = 0; i < 3; i++) {
      get(client(0).send(new Join("p" + i, false)));
    }
    PacketError perAddress = refused(client(0).send(new Join("p3", false)));
    assertEquals(429, perAddress.code());
    assertEquals("at most 3 players from one address on node-1", perAddress.reason());
    PacketError name = refused(client(1).send(new Join("a\u0000b", false)));
    assertEquals(400, name.code());
  }

  @Test
  void aFullNodeRefusesJoinsAndPlayersWalkingInBounceOffItsBorder() throws Exception {
    game.close();
    game = Game.start(GameMain.Options.local(3, 20).withLimits(2, 16));
    for (int i = 0; i < 2; i++) {
      get(client(1).send(new Join("p" + i, false)));
    }
    PacketError full = refused(client(1).send(new Join("p2", false)));
    assertEquals(503, full.code());
    assertEquals("node-2 is full (at most 2 players)", full.reason());

    PacketClient walker = client(0);
    List<Redirect> redirects = new CopyOnWriteArrayList<>();
    walker.accept(Redirect.class, r -> redirects.add(r) ? null : null);
    Joined me = (Joined) get(walker.send(new Join("walker", false)));
    place(0, me.entity(), 995, 500);
    get(walker.send(new Input(me.entity(), 0f, Simulation.MAX_SPEED)));
    await(() -> game.server(0).node().handoffCounts()[1] > 0, "the walker bounced off node 2's border");
    assertEquals(List.of(), redirects);
    assertTrue(game.server(0).node().holds(me.entity()), "node 1 kept its player");
    assertTrue(truth(0, me.entity()).x() < 1000);
  }

  @Test
  void cheatingInputIsRefused() throws Exception {
    PacketClient client = client(0);
    Joined me = (Joined) get(client.send(new Join("ada", false)));
    assertEquals("node-1", me.node());
    assertEquals("ada", me.name());
    assertEquals(3000f, me.width());
    assertEquals(null, get(client.send(new Input(me.entity(), 1f, 60f))));
    PacketError tooFast = refused(client.send(new Input(me.entity(), 1f, 500f)));
    assertEquals(422, tooFast.code());
    assertEquals("speed 500.0 is too fast (at most 120.0)", tooFast.reason());
    assertEquals(403, refused(client.send(new Input(3, 1f, 10f))).code());
    assertEquals(409, refused(client.send(new Join("again", false))).code());
  }

  @Test
  void aWatcherGetsEveryNodesWanderersEveryTickAndTheNodesEverySecond() throws Exception {
    PacketClient client = client(0);
    List<Tick> ticks = new CopyOnWriteArrayList<>();
    List<Spots> spots = new CopyOnWriteArrayList<>();
    List<Nodes> nodes = new CopyOnWriteArrayList<>();
    client.accept(Tick.class, t -> ticks.add(t) ? null : null);
    client.accept(Spots.class, s -> spots.add(s) ? null : null);
    client.accept(Nodes.class, n -> nodes.add(n) ? null : null);
    get(client.send(new Join("bob", true)));
    await(() -> nodes.size() >= 2 && nodes.get(nodes.size() - 1).nodes().size() == 3, "the three nodes' stats");
    int seen = ticks.size();
    assertTrue(seen >= 10, seen + " ticks");
    assertEquals("node-1", ticks.get(0).node());
    Spots last = spots.get(spots.size() - 1);
    List<Integer> owners = spots.subList(spots.size() - 3, spots.size()).stream().map(Spots::node).sorted().toList();
    assertEquals(List.of(1, 2, 3), owners, "each tick a Spots of each node");
    int total = spots.subList(spots.size() - 3, spots.size()).stream().mapToInt(s -> s.spots().size()).sum();
    assertTrue(total >= 290 && total <= 301, total + " entities: the world's 300 wanderers, and bob");
    assertTrue(last.spots().size() > 0);
    Nodes latest = nodes.get(nodes.size() - 1);
    assertEquals(List.of("node-1", "node-2", "node-3"), latest.nodes().stream().map(n -> n.name()).toList());
    assertEquals(game.urls(), latest.nodes().stream().map(n -> n.url()).toList());
    assertTrue(latest.nodes().get(0).packetsOut() > 0, latest.toString());
  }

  @Test
  void aPlayerWhoWalksIntoAnotherRegionIsRedirectedThereWithItsSession() throws Exception {
    PacketClient client = client(0);
    List<Redirect> redirects = new CopyOnWriteArrayList<>();
    List<Joined> joined = new CopyOnWriteArrayList<>();
    client.accept(Redirect.class, r -> {
      redirects.add(r);
      client.moveTo(URI.create(r.location()));
      return null;
    });
    client.accept(Joined.class, j -> joined.add(j) ? null : null);
    client.accept(Tick.class, t -> null);
    client.accept(Spots.class, s -> null);
    Joined me = (Joined) get(client.send(new Join("ada", false)));
    String socket = client.socketId();
    place(0, me.entity(), 990, 500);
    get(client.send(new Input(me.entity(), 0f, Simulation.MAX_SPEED)));
    await(() -> !joined.isEmpty(), "a new Joined from the node it moved to");
    assertEquals(List.of(new Redirect(game.urls().get(1) + "/game/")), redirects);
    assertEquals(new Joined(me.entity(), "node-2", "ada", 3000f, 1000f), joined.get(0));
    assertTrue(client.recovered(), "its session came along");
    assertEquals(socket, client.socketId());
    assertEquals(null, truth(0, me.entity()), "node 1 let it go");
    assertNotEquals(null, truth(1, me.entity()), "node 2 simulates it");
    assertEquals(null, get(client.send(new Input(me.entity(), (float) Math.PI / 2, 10f))), "steered on node 2");
    assertEquals(1, game.server(1).server().sockets().size());
    assertEquals(0, game.server(0).server().sockets().size());
    get(client.send(new Chat("", "made it", Map.of())));
    assertEquals("node-2", get(client.request(new WhereIs(me.entity()))).node());
  }

  @Test
  void aPlayerWhoseConnectionDropsComesBackWithItsEntityAndTheChatItMissed() throws Exception {
    try (TcpProxy proxy = new TcpProxy(game.server(0).port());
        PacketClient player = PacketClient.connect(URI.create("http://127.0.0.1:" + proxy.port()), GameServer.PACKETS,
            new ClientOptions(null, Duration.ofSeconds(5), Duration.ofSeconds(5), true, Duration.ofMillis(100)))) {
      PacketClient other = client(0);
      get(other.send(new Join("bob", false)));
      List<String> chat = new CopyOnWriteArrayList<>();
      player.accept(Chat.class, c -> chat.add(c.text()) ? null : null);
      player.accept(Tick.class, t -> null);
      player.accept(Spots.class, s -> null);
      Joined me = (Joined) get(player.send(new Join("ada", false)));
      proxy.refuse(true);
      proxy.cut();
      await(() -> game.server(0).server().metrics().parked() == 1, "the player's session waits");
      await(() -> !player.isConnected(), "the client notices too");
      get(other.send(new Chat("", "where did ada go?", Map.of())));
      Thread.sleep(100);
      proxy.refuse(false);
      player.awaitConnected(Duration.ofSeconds(15));
      assertTrue(player.recovered());
      assertEquals(null, get(player.send(new Input(me.entity(), 1f, 60f))), "still steering its own entity");
      await(() -> !chat.isEmpty(), "the chat it missed");
      assertEquals(List.of("where did ada go?"), chat);
    }
  }
}
