package dev.packets.server;

import dev.packets.socketio.PacketError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.Bundle;
import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.server.TestPackets.Echo;
import dev.packets.server.TestPackets.Move;
import dev.packets.server.TestPackets.Ping;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Java client against the server: acceptors, hooks and limits, each with the error a client sees. */
class ServerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static PacketClient client(PacketServer server) {
    return client(server, ClientOptions.DEFAULT);
  }

  private static PacketClient client(PacketServer server, ClientOptions options) {
    return PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()), TestPackets.REGISTRY, options);
  }

  private static Object get(CompletableFuture<Object> future) throws Exception {
    return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static PacketError error(CompletableFuture<Object> future) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> get(future));
    return assertInstanceOf(PacketError.class, e.getCause());
  }

  @Test
  void acceptorsRespondValidateAndFail() throws Exception {
    try (PacketServer server = TestPackets.server().build().start(); PacketClient client = client(server)) {
      assertEquals("moved 7 to 1.5,2", get(client.send(new Move(7, 1.5f, 2f))));
      assertEquals(new Echo("HI"), get(client.send(new Echo("hi"))));
      assertEquals("moved 8 to 0,0", get(client.send(List.of("Move", Map.of("entity", 8, "x", 0, "y", 0)))));
      PacketError refused = error(client.send(new Move(0, 0, 0)));
      assertEquals(422, refused.code());
      assertEquals("entity 0 is reserved", refused.reason());
      assertEquals(List.of("moved 1 to 0,0", Map.of("text", "B")).toString(),
          get(client.send(Bundle.of(new Move(1, 0, 0), new Echo("b")))).toString().replace("[Echo, ", "").replace("}]", "}"));
    }
  }

  @Test
  void acceptorExceptionsAck500WithoutStackTrace() throws Exception {
    try (PacketServer server = TestPackets.server()
        .accept(Echo.class, Acceptor.responding((echo, socket) -> {
          throw new IllegalStateException("boom");
        })).build().start(); PacketClient client = client(server)) {
      PacketError e = error(client.send(new Echo("x")));
      assertEquals(500, e.code());
      assertTrue(e.reason().matches("internal error \\(id [0-9a-f]{16}\\)"), e.reason());
      assertEquals(1, server.metrics().errors());
    }
    try (PacketServer server = TestPackets.server().development(true)
        .accept(Echo.class, Acceptor.responding((echo, socket) -> {
          throw new IllegalStateException("boom");
        })).build().start(); PacketClient client = client(server)) {
      PacketError e = error(client.send(new Echo("x")));
      assertTrue(e.reason().contains("IllegalStateException: boom"), e.reason());
    }
  }

  @Test
  void ackAlwaysSentEvenWithoutAResponse() throws Exception {
    try (PacketServer server = TestPackets.server().accept(Echo.class, new Acceptor<Echo>() { }).build().start();
        PacketClient client = client(server)) {
      assertEquals(null, get(client.send(new Echo("x"))));
    }
  }

  @Test
  void serverPushesAreAnsweredByClientAcceptors() throws Exception {
    try (PacketServer server = TestPackets.server().build().start(); PacketClient client = client(server)) {
      client.accept(Echo.class, echo -> new Echo(echo.text() + "!"));
      // Ping's acceptor pushes Echo("pushed") and answers with the client's response
      assertEquals(new Echo("pushed!"), get(client.send(new Ping())));
      PacketSocket socket = server.sockets().get(0);
      assertEquals(new Echo("pushed!"), get(socket.send(new Echo("pushed"))));
    }
  }

  @Test
  void clientSendTimesOutWhenTheServerNeverAnswers() throws Exception {
    CompletableFuture<Object> never = new CompletableFuture<>();
    try (PacketServer server = TestPackets.server().accept(Echo.class, Acceptor.responding((echo, socket) -> never))
        .acceptorTimeout(Duration.ofMillis(600)).build().start();
        PacketClient client = client(server, ClientOptions.DEFAULT.withResponseTimeout(Duration.ofMillis(300)))) {
      long start = System.nanoTime();
      PacketError e = error(client.send(new Echo("anyone?")));
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(408, e.code());
      assertEquals("no response to Echo within 300 ms", e.reason());
      assertTrue(waited >= 290 && waited < 5_000, "failed after " + waited + " ms");
      // the server gives up on the acceptor after 600 ms; the socket's next packet is answered
      Thread.sleep(600);
      assertEquals("moved 1 to 0,0", get(client.send(new Move(1, 0, 0))), "the connection carries on");
      // and with a patient client, the acceptor's timeout is what the sender sees
      try (PacketClient patient = client(server)) {
        PacketError late = error(patient.send(new Echo("still?")));
        assertEquals(504, late.code());
        assertEquals("Echo: no response from its acceptor within 600 ms", late.reason());
      }
      never.complete("late");
    }
  }

  @Test
  void socketSendTimesOutWhenTheClientNeverAnswers() throws Exception {
    try (PacketServer server = TestPackets.server().ackTimeout(Duration.ofMillis(300)).build().start();
        PacketClient client = client(server)) {
      CountDownLatch latch = new CountDownLatch(1);
      client.accept(Echo.class, echo -> {
        latch.await(5, TimeUnit.SECONDS);
        return null;
      });
      PacketError e = error(server.sockets().get(0).send(new Echo("slow")));
      assertEquals(408, e.code());
      latch.countDown();
    }
  }

  @Test
  void hooksSeeConnectionsPacketsAndResponses() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    CountDownLatch gone = new CountDownLatch(1);
    PacketServer server = TestPackets.server()
        .onStart(s -> seen.add("start"))
        .onStop(s -> seen.add("stop"))
        .onConnect(socket -> seen.add("connect"))
        .onDisconnect((socket, reason) -> {
          seen.add("disconnect " + reason);
          gone.countDown();
        })
        .onReceived((packet, socket) -> {
          if (packet instanceof Move m && m.entity() == 666) {
            throw new PacketError(403, "not that one");
          }
          return packet instanceof Echo e ? new Echo(e.text() + "?") : packet;
        })
        .onResponding((packet, response, socket) -> response instanceof String s ? s + "." : response)
        .build().start();
    try (PacketClient client = client(server)) {
      assertEquals(new Echo("A?"), get(client.send(new Echo("a"))));
      assertEquals("moved 1 to 0,0.", get(client.send(new Move(1, 0, 0))));
      assertEquals(403, error(client.send(new Move(666, 0, 0))).code());
    }
    assertTrue(gone.await(5, TimeUnit.SECONDS));
    server.close();
    assertEquals("start", seen.get(0));
    assertTrue(seen.contains("connect"), seen.toString());
    assertTrue(seen.stream().anyMatch(s -> s.startsWith("disconnect ")), seen.toString());
    assertEquals("stop", seen.get(seen.size() - 1));
  }

  @Test
  void connectHookAndAuthenticationRefuseWithAReason() throws Exception {
    try (PacketServer server = TestPackets.server()
        .authenticate((auth, headers) -> {
          if (!(auth instanceof Map<?, ?> m) || !"secret".equals(m.get("token"))) {
            throw new PacketError(401, "bad token");
          }
          return "ada";
        })
        .build().start()) {
      PacketError e = assertThrows(PacketError.class,
          () -> client(server, ClientOptions.DEFAULT.withAuth(Map.of("token", "wrong")).withReconnect(false)));
      assertEquals("bad token", e.reason());
      assertEquals(401, e.code(), "the refusal's code reaches the client");
      try (PacketClient ok = client(server, ClientOptions.DEFAULT.withAuth(Map.of("token", "secret")))) {
        assertEquals("moved 1 to 0,0", get(ok.send(new Move(1, 0, 0))));
        assertEquals("ada", server.sockets().get(0).principal());
      }
    }
  }

  @Test
  void rateLimitAnswers429AndDisconnectsAbusers() throws Exception {
    try (PacketServer server = TestPackets.server().rateLimit(1, 3, 5).build().start();
        PacketClient client = client(server, ClientOptions.DEFAULT.withReconnect(false))) {
      List<CompletableFuture<Object>> sent = new java.util.ArrayList<>();
      for (int i = 1; i <= 6; i++) {
        sent.add(client.send(new Move(i, 0, 0)));
      }
      assertEquals("moved 1 to 0,0", get(sent.get(0)));
      PacketError limited = error(sent.get(5));
      assertEquals(429, limited.code());
      assertTrue(limited.reason().startsWith("too many packets"), limited.reason());
      for (int i = 0; i < 10; i++) {
        client.send(new Move(1, 0, 0));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (client.isConnected() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals("rate limit exceeded", client.closeReason());
    }
  }

  @Test
  void payloadLimitAndDecodeLimits() throws Exception {
    try (PacketServer server = TestPackets.server().maxPayloadBytes(10).build().start();
        PacketClient client = client(server)) {
      PacketError big = error(client.send(new Echo("0123456789")));
      assertEquals(413, big.code());
      assertEquals("Echo: payload of 11 bytes exceeds the limit of 10", big.reason());
      assertEquals("moved 1 to 0,0", get(client.send(new Move(1, 0, 0))));
    }
  }

  @Test
  void maxConnectionsRefusesTheHandshake() throws Exception {
    try (PacketServer server = TestPackets.server().maxConnections(1).build().start();
        PacketClient first = client(server)) {
      assertThrows(PacketError.class, () -> client(server, ClientOptions.DEFAULT.withReconnect(false)));
      assertEquals("moved 1 to 0,0", get(first.send(new Move(1, 0, 0))));
    }
  }

  @Test
  void roomsAndBroadcast() throws Exception {
    try (PacketServer server = TestPackets.server().build().start();
        PacketClient a = client(server); PacketClient b = client(server)) {
      List<Echo> gotA = new CopyOnWriteArrayList<>();
      List<Echo> gotB = new CopyOnWriteArrayList<>();
      a.accept(Echo.class, e -> gotA.add(e));
      b.accept(Echo.class, e -> gotB.add(e));
      server.sockets().get(0).join("red");
      server.to("red").send(new Echo("red only"));
      server.broadcast(new Echo("everyone"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (gotA.size() + gotB.size() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(3, gotA.size() + gotB.size());
      long bytesOut = server.metrics().bytesOut();
      dev.packets.EncodeException e = assertThrows(dev.packets.EncodeException.class,
          () -> server.broadcast(new Echo(null)));
      assertTrue(e.getMessage().startsWith("Echo.text"), e.getMessage());
      assertThrows(dev.packets.EncodeException.class, () -> server.sockets().get(0).push(new Echo(null)));
      assertEquals(bytesOut, server.metrics().bytesOut(), "nothing was sent");
    }
  }

  @Test
  void acceptorsAskEveryNodeThroughTheSocketsIntercom() throws Exception {
    dev.packets.intercom.LocalHub hub = dev.packets.intercom.LocalHub.binary(TestPackets.REGISTRY);
    try (dev.packets.intercom.Intercom self = hub.join("self"); dev.packets.intercom.Intercom other = hub.join("other")) {
      other.handle("echo", (payload, ask) -> new Echo("from other: " + ((Echo) payload).text()));
      try (PacketServer server = TestPackets.server().intercom(self)
          .accept(Echo.class, Acceptor.responding((echo, socket) -> socket.intercom()
              .ask("echo", echo, Duration.ofSeconds(2)).thenApply(g -> (Object) g.answer("other"))))
          .build().start(); PacketClient client = client(server)) {
        assertEquals(new Echo("from other: hi"), get(client.send(new Echo("hi"))));
      }
    }
    try (PacketServer bare = TestPackets.server().accept(Echo.class, Acceptor.responding((echo, socket) -> socket.intercom()))
        .build().start(); PacketClient client = client(bare)) {
      PacketError e = error(client.send(new Echo("x")));
      assertEquals(500, e.code());
      assertTrue(e.reason().startsWith("internal error (id "), e.reason());
    }
  }

  @Test
  void healthAndSchemaEndpoints() throws Exception {
    try (PacketServer server = TestPackets.server().build().start()) {
      HttpClient http = HttpClient.newHttpClient();
      String health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
          .build(), HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(health.startsWith("{\"status\":\"up\",\"fingerprint\":\"" + TestPackets.REGISTRY.fingerprint()
          + "\",\"wire\":\"1\""), "the packet table and the wire's version: " + health);
      String schema = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
          + "/packets/schema.json")).build(), HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(schema.contains("\"fingerprint\":\"" + TestPackets.REGISTRY.fingerprint() + "\""), schema);
    }
  }

  @Test
  void clientReconnectsAfterAServerRestart() throws Exception {
    PacketServer first = TestPackets.server().build().start();
    int port = first.port();
    PacketClient client = client(first);
    try {
      assertEquals("moved 1 to 0,0", get(client.send(new Move(1, 0, 0))));
      first.close();
      PacketServer second = TestPackets.server().port(port).build().start();
      try {
        client.awaitConnected(WAIT);
        assertEquals("moved 2 to 0,0", get(client.send(new Move(2, 0, 0))));
      } finally {
        second.close();
      }
    } finally {
      client.close();
    }
  }
}
