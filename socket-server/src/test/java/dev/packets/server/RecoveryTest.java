package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.intercom.LocalHub;
import dev.packets.server.TestPackets.Echo;
import dev.packets.testing.TcpProxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connection state recovery with the Java client, through a proxy that drops connections without a goodbye and
 * sends the next ones where it is told (a load balancer): what is kept, what is sent again, and what ends a session.
 */
class RecoveryTest {
  static final ClientOptions QUICK = new ClientOptions(null, Duration.ofSeconds(5), Duration.ofSeconds(5),
      true, Duration.ofMillis(100));
  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<String> hooks = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    Collections.reverse(open);
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  /** A node that keeps sessions within {@code limits}; its hooks write what they see into {@link #hooks}. */
  private PacketServer node(ServerConfig.Recovery limits, LocalHub hub, String id, Object principal) {
    ServerBuilder builder = RecoveryInteropTest.node().recovery(limits)
        .authenticate((auth, headers) -> {
          hooks.add("authenticated");
          return principal;
        })
        .onConnect(socket -> hooks.add("connected recovered=" + socket.recovered()))
        .onDisconnect((socket, reason) -> hooks.add("disconnected " + reason));
    if (hub != null) {
      builder.intercom(hub.join(id));
    }
    PacketServer server = builder.build().start();
    open.add(() -> {
      server.close();
      if (server.intercom() != null) {
        server.intercom().close();
      }
    });
    return server;
  }

  private TcpProxy proxy(PacketServer to) throws Exception {
    TcpProxy proxy = new TcpProxy(to.port());
    open.add(proxy);
    return proxy;
  }

  private PacketClient client(TcpProxy proxy, List<String> got) {
    PacketClient client = reconnecting(proxy.port(), got);
    open.add(client);
    return client;
  }

  /** A Java client of port {@code port} that reconnects within 100 ms and keeps every Echo pushed to it. */
  static PacketClient reconnecting(int port, List<String> got) {
    PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + port), TestPackets.REGISTRY, QUICK);
    client.accept(Echo.class, echo -> {
      got.add(echo.text());
      return null;
    });
    return client;
  }

  private static void await(BooleanSupplier done, Object state) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(done.getAsBoolean(), state instanceof java.util.function.Supplier<?> s ? String.valueOf(s.get())
        : String.valueOf(state));
  }

  private static Object ask(PacketClient client, String text) throws Exception {
    return client.send(new Echo(text)).get(5, TimeUnit.SECONDS);
  }

  /**
   * Drops the clients' connections and keeps them out until {@code meanwhile} has run on the server; returns once
   * the server parked them and the clients noticed (else a client's awaitConnected could see its old connection).
   */
  private static void away(TcpProxy proxy, PacketServer server, int parked, Runnable meanwhile,
      PacketClient... clients) throws Exception {
    proxy.refuse(true);
    proxy.cut();
    await(() -> server.metrics().parked() == parked, server.metrics().snapshot());
    for (PacketClient client : clients) {
      await(() -> !client.isConnected(), "the client noticed");
    }
    meanwhile.run();
    proxy.refuse(false);
  }

  @Test
  void aSessionComesBackWithItsStateAndThePushesItMissedInOrderOnce() throws Exception {
    Object principal = new Object(); // not even portable: it never leaves this node
    PacketServer a = node(ServerConfig.Recovery.DEFAULT, null, null, principal);
    TcpProxy proxy = proxy(a);
    List<String> got = new CopyOnWriteArrayList<>();
    PacketClient client = client(proxy, got);
    assertFalse(client.recovered());
    String id = client.socketId();
    assertEquals("joined", ask(client, "join:red"));
    a.to("red").send(new Echo("before"));
    await(() -> got.size() == 1, got);

    away(proxy, a, 1, () -> {
      for (String text : List.of("one", "two", "three")) {
        a.to("red").send(new Echo(text));
      }
      a.broadcast(new Echo("four"));
    }, client);
    client.awaitConnected(Duration.ofSeconds(15));
    assertTrue(client.recovered(), "recovered");
    assertEquals(id, client.socketId());
    await(() -> got.size() >= 5, got);
    Thread.sleep(200); // nothing more comes
    assertEquals(List.of("before", "one", "two", "three", "four"), got);
    assertEquals(id + " nick=ada rooms=red recovered=true", ask(client, "whoami"));
    PacketSocket socket = a.sockets().get(0);
    assertSame(principal, socket.principal(), "the principal kept as it was");
    assertEquals(List.of("authenticated", "connected recovered=false", "connected recovered=true"), hooks,
        "authenticated once; the hooks see the recovery; no disconnect hook");
    assertEquals(1, a.metrics().recovered());
    assertEquals(0, a.metrics().parked());
    assertEquals(1, a.metrics().connections(), "one connection, counted once");
  }

  @Test
  void aRecoveredSessionThatItsHookRefusesEndsAndCountsNoConnection() throws Exception {
    PacketServer a = RecoveryInteropTest.node()
        .onConnect(socket -> {
          if (socket.recovered()) {
            throw new dev.packets.socketio.PacketError(403, "no second chances");
          }
        })
        .onDisconnect((socket, reason) -> hooks.add("disconnected " + reason))
        .build().start();
    open.add(a);
    TcpProxy proxy = proxy(a);
    PacketClient client = client(proxy, new CopyOnWriteArrayList<>());
    assertEquals(1, a.metrics().connections());
    away(proxy, a, 1, () -> { }, client);
    await(() -> a.metrics().refused() == 1, a.metrics().snapshot());
    await(() -> a.sockets().isEmpty() && a.metrics().parked() == 0, a.metrics().snapshot());
    assertEquals(0, a.metrics().connections(), "the refused recovery was never counted, nor taken off twice");
    await(() -> hooks.size() == 1, hooks);
    assertTrue(hooks.get(0).startsWith("disconnected"), hooks.toString());
    client.close();
  }

  @Test
  void aClientBackBeforeTheServerNoticedItsConnectionBrokeTakesItsSessionOverAndMissesNothing() throws Exception {
    // a network blip: the client's side of the connection is gone, the server's still looks alive (it would
    // notice at the ping timeout, 45 s); what it pushes meanwhile is lost on the way
    PacketServer a = node(ServerConfig.Recovery.DEFAULT, null, null, "ada");
    TcpProxy proxy = proxy(a);
    List<String> got = new CopyOnWriteArrayList<>();
    PacketClient client = client(proxy, got);
    String id = client.socketId();
    assertEquals("joined", ask(client, "join:red"));
    proxy.refuse(true);
    proxy.cutClients();
    await(() -> !client.isConnected(), "the client noticed"); // else awaitConnected sees the old connection
    a.to("red").send(new Echo("into the void"));
    assertEquals(0, a.metrics().parked(), "the server has not noticed");
    proxy.refuse(false);
    client.awaitConnected(Duration.ofSeconds(15));
    assertTrue(client.recovered(), "taken over, not a new session");
    assertEquals(id, client.socketId());
    await(() -> got.size() >= 1, got);
    Thread.sleep(200); // nothing more comes
    assertEquals(List.of("into the void"), got, "the push lost on the way, sent again once");
    assertEquals(id + " nick=ada rooms=red recovered=true", ask(client, "whoami"));
    assertEquals(1, a.metrics().connections());
    assertEquals(0, a.metrics().parked());
    assertFalse(hooks.stream().anyMatch(h -> h.startsWith("disconnected")), hooks.toString());
  }

  @Test
  void aSessionNotBackInTimeEndsWithItsHooksAndTheClientGetsANewOne() throws Exception {
    PacketServer a = node(new ServerConfig.Recovery(Duration.ofMillis(300), 100, 1 << 20, 100), null, null, "ada");
    TcpProxy proxy = proxy(a);
    List<String> got = new CopyOnWriteArrayList<>();
    PacketClient client = client(proxy, got);
    String id = client.socketId();
    proxy.refuse(true);
    proxy.cut();
    await(() -> hooks.stream().anyMatch(h -> h.startsWith("disconnected not back within")), hooks);
    assertEquals(0, a.metrics().parked());
    proxy.refuse(false);
    await(() -> client.isConnected() && !id.equals(client.socketId()),
        (java.util.function.Supplier<String>) () -> client.isConnected() + " " + client.socketId() + " " + a.metrics().snapshot());
    assertFalse(client.recovered(), "the client is told: a new session");
    assertEquals(1, a.metrics().notRecovered());
    assertEquals(2, hooks.stream().filter("authenticated"::equals).count(), "a new session authenticates");
  }

  @Test
  void pushesOverTheBudgetEndTheSessionRatherThanLoseSomeSilently() throws Exception {
    PacketServer a = node(new ServerConfig.Recovery(Duration.ofMinutes(1), 2, 1 << 20, 100), null, null, "ada");
    TcpProxy proxy = proxy(a);
    List<String> got = new CopyOnWriteArrayList<>();
    PacketClient client = client(proxy, got);
    String id = client.socketId();
    away(proxy, a, 1, () -> {
      for (int i = 0; i < 3; i++) {
        a.broadcast(new Echo("missed " + i));
      }
    }, client);
    client.awaitConnected(Duration.ofSeconds(15));
    await(() -> client.isConnected() && !id.equals(client.socketId()), client.socketId());
    assertFalse(client.recovered());
    assertEquals(List.of(), got, "none of the three: not a part of them");
    assertTrue(hooks.stream().anyMatch(h -> h.startsWith("disconnected pushes it missed were dropped")), hooks.toString());
  }

  @Test
  void theParkedSessionsOfANodeShareOneBudgetTooAndGiveItBack() throws Exception {
    // each session may keep 1 MiB, but all of them together only 100 bytes: two sessions, a 59-byte push each
    PacketServer a = node(new ServerConfig.Recovery(Duration.ofMinutes(1), 100, 1 << 20, 100, 100), null, null, "ada");
    TcpProxy proxy = proxy(a);
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();
    PacketClient one = client(proxy, first);
    PacketClient two = client(proxy, second);
    String text = "x".repeat(58); // 59 bytes: its length (one byte) and 58 characters
    away(proxy, a, 2, () -> a.broadcast(new Echo(text)), one, two);
    assertEquals(59, a.metrics().parkedBytes(), "one session kept it; the other's push would pass the node's 100");
    one.awaitConnected(Duration.ofSeconds(15));
    two.awaitConnected(Duration.ofSeconds(15));
    await(() -> first.size() + second.size() == 1 && a.metrics().parked() == 0, a.metrics().snapshot());
    assertEquals(1, (one.recovered() ? 1 : 0) + (two.recovered() ? 1 : 0), "one recovered, the other told it was not");
    assertEquals(List.of(text), one.recovered() ? first : second);
    assertEquals(0, a.metrics().parkedBytes(), "given back");
  }

  @Test
  void aClientThatSaysGoodbyeIsNotKept() throws Exception {
    PacketServer a = node(ServerConfig.Recovery.DEFAULT, null, null, "ada");
    TcpProxy proxy = proxy(a);
    PacketClient client = client(proxy, new CopyOnWriteArrayList<>());
    client.close();
    await(() -> hooks.stream().anyMatch(h -> h.startsWith("disconnected")), hooks);
    assertEquals(0, a.metrics().parked());
    assertTrue(a.sockets().isEmpty());
  }

  @Test
  void sessionsParkedAtOnceAreCappedAndTheRestEndAsBefore() throws Exception {
    // the attack: connect and vanish, again and again, so that every session is kept for two minutes
    PacketServer a = node(new ServerConfig.Recovery(Duration.ofMinutes(1), 100, 1 << 20, 3), null, null, "ada");
    TcpProxy proxy = proxy(a);
    for (int i = 0; i < 5; i++) {
      client(proxy, new CopyOnWriteArrayList<>());
    }
    await(() -> a.sockets().size() == 5, a.sockets());
    proxy.refuse(true);
    proxy.cut();
    await(() -> hooks.stream().filter(h -> h.startsWith("disconnected")).count() == 2, hooks);
    assertEquals(3, a.metrics().parked(), "three kept, at most");
    assertEquals(3, a.sockets().size());
  }

  @Test
  void aClientMovesToAnotherNodeOnPurposeWithItsSession() throws Exception {
    LocalHub hub = LocalHub.binary(TestPackets.REGISTRY);
    PacketServer a = node(ServerConfig.Recovery.DEFAULT, hub, "a", "ada");
    PacketServer b = node(ServerConfig.Recovery.DEFAULT, hub, "b", "ada");
    List<String> got = new CopyOnWriteArrayList<>();
    PacketClient client = reconnecting(a.port(), got);
    open.add(client);
    String id = client.socketId();
    ask(client, "join:red");
    client.moveTo(URI.create("http://127.0.0.1:" + b.port() + "/game/"));   // the path does not matter
    await(() -> !b.sockets().isEmpty() && a.sockets().isEmpty(), (java.util.function.Supplier<String>) () -> a.sockets()
        + " " + b.sockets());
    client.awaitConnected(Duration.ofSeconds(15));
    assertTrue(client.recovered(), "the session came along");
    assertEquals(id + " nick=ada rooms=red recovered=true", ask(client, "whoami"));
    a.to("red").send(new Echo("to the room, from a"));
    await(() -> got.contains("to the room, from a"), got);
    assertEquals(List.of("authenticated", "connected recovered=false", "disconnected moved to node b",
        "connected recovered=true"), hooks, "node A lets it go, node B sees it recovered; no new authentication");
  }

  @Test
  void aSessionMovesToTheNodeItsClientComesBackTo() throws Exception {
    LocalHub hub = LocalHub.binary(TestPackets.REGISTRY);
    PacketServer a = node(ServerConfig.Recovery.DEFAULT, hub, "a", "ada");
    PacketServer b = node(ServerConfig.Recovery.DEFAULT, hub, "b", "ada");
    List<String> presence = new CopyOnWriteArrayList<>();
    b.cluster().onPresence(new PresenceListener() {
      @Override
      public void joined(String socket, String principal, String node) {
        presence.add("joined " + node);
      }

      @Override
      public void left(String socket, String principal, String node, String reason) {
        presence.add("left " + node + " " + reason);
      }
    });
    TcpProxy proxy = proxy(a);
    List<String> got = new CopyOnWriteArrayList<>();
    PacketClient client = client(proxy, got);
    String id = client.socketId();
    ask(client, "join:red");
    await(() -> presence.contains("joined a"), presence);
    away(proxy, a, 1, () -> {
      b.to("red").send(new Echo("from b"));
      a.to("red").send(new Echo("from a"));
      proxy.target(b.port());
    }, client);
    client.awaitConnected(Duration.ofSeconds(15));
    await(() -> got.size() >= 2, got);
    assertTrue(client.recovered());
    assertEquals(id + " nick=ada rooms=red recovered=true", ask(client, "whoami"));
    // two senders: each one's pushes in order, the two interleaved as they reached node A
    assertEquals(java.util.Set.of("from b", "from a"), java.util.Set.copyOf(got));
    assertEquals(2, got.size());
    assertEquals("ada", b.sockets().get(0).principal());
    assertTrue(a.sockets().isEmpty(), "gone from the node it left");
    await(() -> b.cluster().online().equals(java.util.Map.of(id, "b")), b.cluster().online());
    assertTrue(presence.contains("left a moved to node b") && presence.contains("joined b"), presence.toString());
    await(() -> hooks.contains("disconnected moved to node b"), hooks);
    assertEquals(List.of("authenticated", "connected recovered=false", "disconnected moved to node b",
        "connected recovered=true"), hooks, "node A lets it go, node B sees it recovered; no new authentication");
  }

  @Test
  void aPrincipalThatCannotMoveStaysHomeAndTheClientGetsANewSession() throws Exception {
    LocalHub hub = LocalHub.binary(TestPackets.REGISTRY);
    AtomicInteger count = new AtomicInteger();
    PacketServer a = node(ServerConfig.Recovery.DEFAULT, hub, "a", new Object() {
      @Override
      public String toString() {
        return "principal " + count.incrementAndGet();
      }
    });
    PacketServer b = node(ServerConfig.Recovery.DEFAULT, hub, "b", "bob");
    TcpProxy proxy = proxy(a);
    PacketClient client = client(proxy, new CopyOnWriteArrayList<>());
    String id = client.socketId();
    away(proxy, a, 1, () -> proxy.target(b.port()), client);
    client.awaitConnected(Duration.ofSeconds(15));
    await(() -> client.isConnected() && !id.equals(client.socketId()), client.socketId());
    assertFalse(client.recovered());
    assertEquals(1, b.metrics().notRecovered());
    assertEquals(1, a.metrics().parked(), "still parked where it was: it may come back there");
    assertNotEquals(id, b.sockets().get(0).id());
  }
}
