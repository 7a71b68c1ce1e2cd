package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.PacketRegistry;
import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.server.TestPackets.Echo;
import dev.packets.server.TestPackets.Move;
import dev.packets.server.auth.ApiKeyDriver;
import dev.packets.server.auth.Principal;
import dev.packets.testing.TcpProxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster's contract, on every intercom transport (LocalHub in one JVM, Redis across processes): servers that
 * share an intercom act as one. A broadcast, a room send or a multicast from one node reaches the matching sockets of
 * every node, once; rooms and presence can be asked of the whole cluster, a slow node named, never fatal; a session
 * whose connection broke comes back on the node its client returns to.
 */
abstract class ClusterContract {
  protected final List<AutoCloseable> open = new ArrayList<>();
  private final List<dev.packets.intercom.Intercom> nodes = new CopyOnWriteArrayList<>();

  /** A node {@code id} of this transport's intercom, for this test's cluster alone. */
  protected abstract dev.packets.intercom.Intercom join(String id);

  @AfterEach
  void close() throws Exception {
    Collections.reverse(open);
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  /** A node of the cluster, once every node knows every other. */
  protected dev.packets.intercom.Intercom member(String id) throws InterruptedException {
    dev.packets.intercom.Intercom intercom = join(id);
    nodes.add(intercom);
    java.util.Set<String> all = new java.util.HashSet<>();
    nodes.forEach(n -> all.add(n.self()));
    await(() -> nodes.stream().allMatch(n -> n.members().containsAll(all)), nodes);
    return intercom;
  }

  protected PacketServer node(String id, ServerBuilder builder) throws InterruptedException {
    dev.packets.intercom.Intercom intercom = member(id);
    PacketServer server = builder.intercom(intercom).build().start();
    open.add(() -> {
      server.close();
      intercom.close();
    });
    return server;
  }

  /** A client that keeps every Echo pushed to it. */
  private List<String> client(PacketServer server) {
    List<String> got = new CopyOnWriteArrayList<>();
    PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()), TestPackets.REGISTRY,
        ClientOptions.DEFAULT);
    client.accept(Echo.class, echo -> {
      got.add(echo.text());
      return null;
    });
    open.add(client);
    return got;
  }

  protected static void await(java.util.function.BooleanSupplier done, Object state) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(done.getAsBoolean(), String.valueOf(state));
  }

  @Test
  void aBroadcastReachesTheSocketsOfEveryNodeOnce() throws Exception {
    PacketServer a = node("a", TestPackets.server());
    PacketServer b = node("b", TestPackets.server());
    List<String> onA = client(a);
    List<String> onB1 = client(b);
    List<String> onB2 = client(b);
    for (int i = 0; i < 5; i++) {
      a.broadcast(new Echo("hello " + i));
    }
    List<String> expected = List.of("hello 0", "hello 1", "hello 2", "hello 3", "hello 4");
    await(() -> onA.size() >= 5 && onB1.size() >= 5 && onB2.size() >= 5, List.of(onA, onB1, onB2));
    Thread.sleep(200); // nothing more comes
    assertEquals(expected, onA, "this node's socket, once, in order");
    assertEquals(expected, onB1, "the other node's sockets, once, in order");
    assertEquals(expected, onB2);
  }

  @Test
  void aRoomSendReachesTheRoomOnEveryNodeButTheSocketsLeftOut() throws Exception {
    PacketServer a = node("a", TestPackets.server().onConnect(socket -> socket.join("red")));
    PacketServer b = node("b", TestPackets.server()
        .onConnect(socket -> {
          if (b1Joins) {
            socket.join("red");
          }
        }));
    List<String> onA = client(a);
    b1Joins = true;
    List<String> onB1 = client(b);
    b1Joins = false;
    List<String> onB2 = client(b);
    await(() -> a.sockets().size() == 1 && b.sockets().size() == 2, "connected");
    String skipped = a.sockets().get(0).id();
    a.to("red").send(new Echo("to red"));
    a.to("red").except(skipped).send(new Echo("to red but a's"));
    await(() -> onB1.size() >= 2, onB1);
    Thread.sleep(200);
    assertEquals(List.of("to red", "to red but a's"), onB1, "in the room on the other node");
    assertEquals(List.of("to red"), onA, "left out of the second");
    assertEquals(List.of(), onB2, "not in the room");
  }

  private volatile boolean b1Joins;

  @Test
  void aNodeWithAnotherRegistryDropsTheFanOutAndCountsIt() throws Exception {
    PacketServer a = node("a", TestPackets.server());
    PacketServer other = node("other", PacketServer.builder().host("127.0.0.1").port(0)
        .packets(PacketRegistry.of(Move.class, Echo.class)));
    a.broadcast(new Echo("for my own kind"));
    await(() -> other.metrics().clusterDropped() == 1, other.metrics().snapshot());
    assertEquals(0, a.metrics().clusterDropped());
  }

  @Test
  void theClusterIsAskedWhoIsInARoomAndAnyOfItsSocketsCanBePushedTo() throws Exception {
    PacketServer a = node("a", TestPackets.server().onConnect(socket -> socket.join("red")));
    PacketServer b = node("b", TestPackets.server().onConnect(socket -> socket.join("red")));
    List<String> onA = client(a);
    client(b);
    client(b);
    await(() -> a.sockets().size() == 1 && b.sockets().size() == 2, "connected");
    dev.packets.intercom.Gathered red = a.cluster().sockets("red", java.time.Duration.ofSeconds(5))
        .get(10, TimeUnit.SECONDS);
    assertEquals(List.of(a.sockets().get(0).id()), red.answer("a"));
    assertEquals(b.sockets().stream().map(PacketSocket::id).sorted().toList(),
        ((List<?>) red.answer("b")).stream().map(String::valueOf).sorted().toList());
    assertEquals(3, a.cluster().count("red", java.time.Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS));
    assertEquals(0, a.cluster().count("blue", java.time.Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS));

    String target = b.sockets().get(0).id();
    a.cluster().push(target, new Echo("just you"));
    a.cluster().push("nobody", new Echo("lost"));
    await(() -> b.metrics().packetsOut() >= 1, b.metrics().snapshot());
    Thread.sleep(300); // nothing more comes
    assertEquals(List.of(), onA, "not the target");
    assertEquals(1, b.metrics().packetsOut(), "pushed to the one socket, on the node that holds it");
  }

  @Test
  void aSlowNodeIsNamedAndDoesNotFailTheQuestion() throws Exception {
    PacketServer a = node("a", TestPackets.server());
    node("b", TestPackets.server());
    dev.packets.intercom.Intercom slow = member("slow");
    open.add(slow);
    slow.handle(Cluster.SOCKETS, (room, ask) -> new java.util.concurrent.CompletableFuture<>()); // never answers
    client(a);
    await(() -> a.sockets().size() == 1, "connected");
    dev.packets.intercom.Gathered all = a.cluster().sockets(null, java.time.Duration.ofMillis(300))
        .get(10, TimeUnit.SECONDS);
    assertEquals(java.util.Set.of("slow"), all.timedOut(), all.toString());
    assertEquals(1, ((List<?>) all.answer("a")).size());
    assertEquals(List.of(), all.answer("b"));
  }

  @Test
  void presenceKnowsWhoIsOnlineOnEveryNodeAndWhoLeaves() throws Exception {
    PacketServer a = node("a", TestPackets.server());
    PacketServer b = node("b", TestPackets.server()
        .authenticate((auth, headers) -> auth instanceof java.util.Map<?, ?> m ? m.get("name") : null));
    List<String> events = new CopyOnWriteArrayList<>();
    a.cluster().onPresence(new PresenceListener() {
      @Override
      public void joined(String socketId, String principal, String node) {
        events.add("joined " + principal + " on " + node);
      }

      @Override
      public void left(String socketId, String principal, String node, String reason) {
        events.add("left " + principal + " on " + node + ": " + reason);
      }
    });
    PacketClient ada = PacketClient.connect(URI.create("http://127.0.0.1:" + b.port()), TestPackets.REGISTRY,
        ClientOptions.DEFAULT.withAuth(java.util.Map.of("name", "ada")).withReconnect(false));
    open.add(ada);
    await(() -> events.contains("joined ada on b"), events);
    String adaId = b.sockets().get(0).id();
    assertEquals(java.util.Map.of(adaId, "b"), a.cluster().online());
    dev.packets.intercom.Gathered principals = a.cluster().principals(java.time.Duration.ofSeconds(5))
        .get(10, TimeUnit.SECONDS);
    assertEquals(List.of("ada"), principals.answer("b"));
    assertEquals(List.of(), principals.answer("a"));

    ada.close();
    await(() -> events.stream().anyMatch(e -> e.startsWith("left ada on b")), events);
    assertEquals(java.util.Map.of(), a.cluster().online());

    PacketClient bob = PacketClient.connect(URI.create("http://127.0.0.1:" + b.port()), TestPackets.REGISTRY,
        ClientOptions.DEFAULT.withAuth(java.util.Map.of("name", "bob")).withReconnect(false));
    open.add(bob);
    await(() -> events.contains("joined bob on b"), events);
    b.intercom().close(); // node b leaves the intercom (its server carries on alone)
    await(() -> events.contains("left bob on b: node b left"), events);
    assertEquals(java.util.Map.of(), a.cluster().online());
  }

  @Test
  void aMulticastByAttributeReachesTheMatchingSocketsOfEveryNode() throws Exception {
    PacketSocket.Key<Integer> team = new PacketSocket.Key<>("team", Integer.class);
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    ServerBuilder teams = TestPackets.server().onConnect(socket -> socket.set(team, next.getAndIncrement() % 2));
    PacketServer a = node("a", teams);
    PacketServer b = node("b", TestPackets.server().onConnect(socket -> socket.set(team, next.getAndIncrement() % 2)));
    List<List<String>> got = new ArrayList<>();
    for (PacketServer server : List.of(a, a, b, b)) {
      got.add(client(server));
      int count = got.size();
      await(() -> a.sockets().size() + b.sockets().size() == count, "connected");
    }
    a.where(team, 1).send(new Echo("team 1"));
    a.where(team, 0).send(new Echo("team 0"));
    await(() -> got.stream().allMatch(l -> !l.isEmpty()), got);
    Thread.sleep(200);
    // sockets were given teams 0, 1, 0, 1 in the order they connected
    assertEquals(List.of(List.of("team 0"), List.of("team 1"), List.of("team 0"), List.of("team 1")), got);
    assertEquals(1, a.where(team, 1).sockets().size());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> a.where(new PacketSocket.Key<>("x", Double.class), 1.5));
  }

  /** Two nodes that keep sessions, and a client of node A, through a proxy, in room red. */
  private record InRed(PacketServer a, PacketServer b, TcpProxy proxy, PacketClient client,
      List<String> got) {}

  private InRed clientOfAInRed() throws Exception {
    PacketServer a = node("a", RecoveryInteropTest.node());
    PacketServer b = node("b", RecoveryInteropTest.node());
    TcpProxy proxy = new TcpProxy(a.port());
    open.add(proxy);
    List<String> got = new CopyOnWriteArrayList<>();
    PacketClient client = RecoveryTest.reconnecting(proxy.port(), got);
    open.add(client);
    assertEquals("joined", client.send(new Echo("join:red")).get(5, TimeUnit.SECONDS));
    return new InRed(a, b, proxy, client, got);
  }

  /** Cuts the client off node A (the proxy refuses it meanwhile) and waits until A parks its session and it noticed. */
  private static void breakOff(PacketServer a, TcpProxy proxy, PacketClient client) throws Exception {
    proxy.refuse(true);
    proxy.cut();
    await(() -> a.metrics().parked() == 1, a.metrics().snapshot());
    await(() -> !client.isConnected(), "the client noticed"); // else awaitConnected sees the old connection
  }

  /** Lets the client back on, through the proxy now to node B, and waits until it is connected. */
  private static void backOnTo(PacketServer b, TcpProxy proxy, PacketClient client) throws Exception {
    proxy.target(b.port());
    proxy.refuse(false);
    client.awaitConnected(Duration.ofSeconds(15));
  }

  @Test
  void aSessionWhoseConnectionBrokeMovesToTheNodeItsClientComesBackTo() throws Exception {
    InRed red = clientOfAInRed();
    PacketServer a = red.a();
    PacketServer b = red.b();
    TcpProxy proxy = red.proxy();
    PacketClient client = red.client();
    List<String> got = red.got();
    String id = client.socketId();
    breakOff(a, proxy, client);
    long before = a.metrics().packetsOut();
    for (String text : List.of("one", "two", "three")) {
      b.to("red").send(new Echo(text)); // through the intercom to node A, where the session waits
    }
    await(() -> a.metrics().packetsOut() == before + 3, a.metrics().snapshot()); // kept in its backlog
    backOnTo(b, proxy, client);
    await(() -> got.size() >= 3, got);
    Thread.sleep(200); // nothing more comes
    assertTrue(client.recovered());
    assertEquals(id, client.socketId());
    assertEquals(List.of("one", "two", "three"), got, "the pushes it missed, in order, once");
    assertEquals(id + " nick=ada rooms=red recovered=true", client.send(new Echo("whoami")).get(5, TimeUnit.SECONDS));
    assertEquals(0, a.metrics().parked());
    assertTrue(a.sockets().isEmpty(), "gone from the node it left");
    await(() -> a.cluster().online().equals(java.util.Map.of(id, "b")), a.cluster().online());
  }

  @Test
  void aSessionAdmittedByADriverMovesWithItsPrincipalAndClientData() throws Exception {
    ApiKeyDriver keys = new ApiKeyDriver();
    keys.add("key-of-a-moving-player-0123456789ab", "ada", "player");
    Supplier<ServerBuilder> keyed = () -> RecoveryInteropTest.node().authenticate(keys)
        .guard(Echo.class, (principal, echo, socket) -> principal instanceof Principal p && p.hasRole("player") ? null
            : "players only, not " + principal);
    PacketServer a = node("a", keyed.get());
    PacketServer b = node("b", keyed.get());
    TcpProxy proxy = new TcpProxy(a.port());
    open.add(proxy);
    PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + proxy.port()), TestPackets.REGISTRY,
        RecoveryTest.QUICK.withAuth(Map.of("apiKey", "key-of-a-moving-player-0123456789ab")));
    open.add(client);
    Map<String, Object> session = Map.of("id", "ada", "roles", List.of("player"));
    assertEquals(session, client.session());
    breakOff(a, proxy, client);
    backOnTo(b, proxy, client);
    assertTrue(client.recovered());
    await(() -> b.sockets().size() == 1, b.sockets());
    Principal moved = (Principal) b.sockets().get(0).principal();
    assertEquals(List.of("ada", Set.of("player"), "apikey"), List.of(moved.id(), moved.roles(), moved.driver()));
    assertEquals(session, b.sockets().get(0).clientData());
    // node B's guard sees the principal that moved (no authenticator ran there: the session was recovered)
    assertTrue(String.valueOf(client.send(new Echo("whoami")).get(5, TimeUnit.SECONDS)).endsWith("recovered=true"));
  }

  @Test
  void aClientBackOnAnotherNodeBeforeItsOldNodeNoticedTakesItsSessionOver() throws Exception {
    InRed red = clientOfAInRed();
    PacketServer a = red.a();
    PacketServer b = red.b();
    TcpProxy proxy = red.proxy();
    PacketClient client = red.client();
    List<String> got = red.got();
    String id = client.socketId();
    proxy.refuse(true);
    proxy.cutClients(); // node A's side of the connection stays open: it has not noticed
    await(() -> !client.isConnected(), "the client noticed"); // else awaitConnected sees the old connection
    long before = a.metrics().packetsOut();
    a.to("red").send(new Echo("lost on the way"));
    await(() -> a.metrics().packetsOut() == before + 1, a.metrics().snapshot());
    backOnTo(b, proxy, client);
    await(() -> !got.isEmpty(), got);
    Thread.sleep(200); // nothing more comes
    assertTrue(client.recovered(), "node A handed over the session it still thought connected");
    assertEquals(id, client.socketId());
    assertEquals(List.of("lost on the way"), got);
    assertTrue(a.sockets().isEmpty(), "gone from node A");
    assertEquals(0, a.metrics().connections());
  }
}
