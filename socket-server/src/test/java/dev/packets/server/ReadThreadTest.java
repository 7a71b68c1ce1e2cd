package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.server.TestPackets.Echo;
import dev.packets.server.TestPackets.Move;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Websocket reads run on the selector thread (inline reads); what keeps a blocking acceptor or hook from holding
 * up the other connections: hooks run on the worker pool, and an acceptor that once blocked a read thread runs on
 * the worker pool from then on.
 */
class ReadThreadTest {
  private static PacketClient client(PacketServer server, ClientOptions options) {
    return PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()), TestPackets.REGISTRY, options);
  }

  private static ServerBuilder sleepyEcho(long millis) {
    return TestPackets.server().accept(Echo.class, Acceptor.responding((echo, socket) -> {
      sleep(millis);
      return "slept";
    }));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void anAcceptorThatBlockedOnceRunsOnWorkersFromThenOn() throws Exception {
    try (PacketServer server = sleepyEcho(1_000).build().start();
        PacketClient a = client(server, ClientOptions.DEFAULT);
        PacketClient b = client(server, ClientOptions.DEFAULT)) {
      assertEquals("slept", a.send(new Echo("1")).get(10, TimeUnit.SECONDS)); // blocks a read thread once
      CompletableFuture<Object> slow = a.send(new Echo("2"));
      assertEquals("moved 1 to 0,0", b.send(new Move(1, 0, 0)).get(10, TimeUnit.SECONDS));
      assertFalse(slow.isDone(), "the other socket was answered while the slow acceptor still ran");
      assertEquals("slept", slow.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void withInlineReadsOffNoAcceptorHoldsUpAnotherSocket() throws Exception {
    try (PacketServer server = sleepyEcho(1_000).inlineReads(false).build().start();
        PacketClient a = client(server, ClientOptions.DEFAULT);
        PacketClient b = client(server, ClientOptions.DEFAULT)) {
      CompletableFuture<Object> slow = a.send(new Echo("1"));
      Thread.sleep(50);
      assertEquals("moved 2 to 0,0", b.send(new Move(2, 0, 0)).get(10, TimeUnit.SECONDS));
      assertFalse(slow.isDone(), "the other socket was answered while the slow acceptor still ran");
      assertEquals("slept", slow.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void aSlowAuthenticatorHoldsUpOnlyItsOwnConnection() throws Exception {
    ServerBuilder builder = TestPackets.server().authenticate((auth, headers) -> {
      if (auth instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("slow"))) {
        sleep(1_500);
      }
      return "someone";
    });
    try (PacketServer server = builder.build().start(); PacketClient fast = client(server, ClientOptions.DEFAULT)) {
      CompletableFuture<PacketClient> slowClient = CompletableFuture.supplyAsync(
          () -> client(server, ClientOptions.DEFAULT.withAuth(Map.of("slow", true))));
      Thread.sleep(150); // the slow client's authentication is under way
      assertEquals("moved 3 to 0,0", fast.send(new Move(3, 0, 0)).get(10, TimeUnit.SECONDS));
      assertFalse(slowClient.isDone(), "the slow client is still being authenticated");
      try (PacketClient slow = slowClient.get(10, TimeUnit.SECONDS)) {
        assertEquals("moved 4 to 0,0", slow.send(new Move(4, 0, 0)).get(10, TimeUnit.SECONDS));
      }
    }
  }

  @Test
  void packetsSentBeforeTheHooksLetASocketInWaitForThem() throws Exception {
    ServerBuilder builder = TestPackets.server().onConnect(socket -> sleep(300));
    try (PacketServer server = builder.build().start()) {
      RawSocket raw = RawSocket.open(server.port());
      assertTrue(raw.next().toString().startsWith("0{"));
      raw.text("40");
      // at once, without waiting for packets:ready, as a plain socket.io client may
      raw.send("451-1[\"" + TestPackets.REGISTRY.id(Move.class) + "\",{\"_placeholder\":true,\"num\":0}]",
          TestPackets.REGISTRY.encode(new Move(5, 0, 0)));
      assertTrue(raw.next().toString().startsWith("40{"));
      assertTrue(raw.next().toString().startsWith("42[\"packets:ready\""), "ready first");
      assertEquals("431[null,\"moved 5 to 0,0\"]", raw.next(), "then the answer");
      raw.abort();
    }
  }
}
