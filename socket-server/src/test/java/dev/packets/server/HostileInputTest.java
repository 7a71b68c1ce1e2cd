package dev.packets.server;

import dev.packets.socketio.PacketError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.Bundle;
import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.server.TestPackets.Move;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONArray;
import org.junit.jupiter.api.Test;

/**
 * Burn CPU and outnumber: every input is metered before it costs anything — numbers in JSON, CONNECTs, Bundles,
 * frames that never become events, connections per address, handshakes that never finish.
 */
class HostileInputTest {

  @Test
  void aHugeJsonExponentIsRefusedAtOnce() throws Exception {
    try (PacketServer server = TestPackets.server().build().start();
        Bystander bystander = new Bystander(server)) {
      RawSocket raw = RawSocket.connected(server.port());
      for (int i = 1; i <= 5; i++) {
        long start = System.nanoTime();
        raw.text("42" + i + "[\"Move\",{\"entity\":1e3000000,\"x\":0,\"y\":0}]");
        String ack = raw.expect("43" + i + "[");
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(400, new JSONArray(ack.substring(2 + String.valueOf(i).length())).getJSONObject(0).getInt("code"),
            ack);
        assertTrue(took < 500, "refusing 1e3000000 took " + took + " ms");
      }
      bystander.assertServed(5, 2_000);
    }
  }

  @Test
  void aSecondConnectOnOneSessionClosesIt() throws Exception {
    try (PacketServer server = TestPackets.server().build().start();
        Bystander bystander = new Bystander(server)) {
      RawSocket raw = RawSocket.open(server.port());
      raw.expect("0{");
      for (int i = 0; i < 5 && !raw.closed.isDone(); i++) {
        try {
          raw.text("40");
        } catch (ExecutionException closed) {
          break;
        }
        Thread.sleep(20);
      }
      raw.closed.get(5, TimeUnit.SECONDS);
      Thread.sleep(100);
      assertEquals(1, server.sockets().size(), "only the bystander is connected");
      bystander.assertServed(5, 2_000);
    }
  }

  @Test
  void eachPacketInABundleCostsARateLimitToken() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    try (PacketServer server = TestPackets.server().rateLimit(10, 20, 1_000)
        .onReceived((packet, socket) -> {
          if (packet instanceof Move) {
            accepted.incrementAndGet();
          }
          return packet;
        }).build().start();
        PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()),
            TestPackets.REGISTRY, ClientOptions.DEFAULT)) {
      List<Object> moves = new ArrayList<>();
      for (int i = 1; i <= 100; i++) {
        moves.add(new Move(i, 0, 0));
      }
      ExecutionException refused = assertThrows(ExecutionException.class,
          () -> client.send(Bundle.of(moves.toArray())).get(10, TimeUnit.SECONDS));
      PacketError error = (PacketError) refused.getCause();
      assertEquals(429, error.code(), error.toString());
      assertEquals(0, accepted.get(), "no packet of an over-limit Bundle is accepted");
      assertEquals("moved 1 to 0,0", client.send(new Move(1, 0, 0)).get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void framesThatNeverBecomeEventsHaveABudget() throws Exception {
    try (PacketServer server = TestPackets.server().rateLimit(100, 200, 1_000).build().start();
        Bystander bystander = new Bystander(server)) {
      RawSocket raw = RawSocket.connected(server.port());
      int sent = 0;
      for (; sent < 20_000 && !raw.closed.isDone(); sent++) {
        try {
          raw.text(sent % 2 == 0 ? "43" + (sent + 1000) + "[]" : "41/nowhere,");
        } catch (ExecutionException closed) {
          break;
        }
        if (sent % 100 == 99) {
          // still a flood (up to 100 frames a millisecond), but one that lets this client's own reader see the
          // server's close: counted on this side, the frames sent before noticing it depended on how busy two
          // cores were (2,380 and 2,987 in two runs against the limit of 2,000)
          Thread.sleep(1);
        }
      }
      int code = raw.closed.get(5, TimeUnit.SECONDS);
      assertTrue(code == 1008 || code == -1, "closed with " + code + " after " + sent + " frames");
      assertEquals(1, server.metrics().protocolErrors(), server.metrics().snapshot().toString());
      assertTrue(sent < 2_000, "closed only after " + sent + " frames");
      bystander.assertServed(5, 2_000);
    }
  }

  @Test
  void connectionsPerAddressAreCapped() throws Exception {
    try (PacketServer server = TestPackets.server().maxConnectionsPerAddress(3).build().start()) {
      List<RawSocket> sockets = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        sockets.add(RawSocket.connected(server.port()));
      }
      assertThrows(ExecutionException.class, () -> RawSocket.open(server.port()), "a fourth from 127.0.0.1");
      try (RawHttp polling = new RawHttp(server.port())) {
        assertEquals(503, polling.exchange("GET", "/socket.io/?EIO=4&transport=polling", null, "").status());
      }
      sockets.get(0).ws.sendClose(1000, "bye").get(5, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      RawSocket again = null;
      while (again == null && System.nanoTime() < deadline) {
        try {
          again = RawSocket.connected(server.port());
        } catch (ExecutionException stillCounted) {
          Thread.sleep(50);
        }
      }
      assertTrue(again != null, "a place frees up when a connection closes");
    }
  }

  @Test
  void handshakesThatNeverConnectCountAgainstMaxConnections() throws Exception {
    try (PacketServer server = TestPackets.server().maxConnections(2).build().start()) {
      RawSocket one = RawSocket.open(server.port());
      one.expect("0{");
      RawSocket two = RawSocket.open(server.port());
      two.expect("0{");
      assertThrows(ExecutionException.class, () -> RawSocket.open(server.port()), "a third engine.io session");
      try (RawHttp polling = new RawHttp(server.port())) {
        assertEquals(503, polling.exchange("GET", "/socket.io/?EIO=4&transport=polling", null, "").status());
      }
    }
  }

  @Test
  void onlyEngineIoProtocolFourIsSpoken() throws Exception {
    try (PacketServer server = TestPackets.server().build().start();
        RawHttp polling = new RawHttp(server.port())) {
      assertEquals(400, polling.exchange("GET", "/socket.io/?EIO=3&transport=polling", null, "").status());
      assertThrows(ExecutionException.class, () -> RawSocket.open(server.port(), (String) null, true, "?EIO=3&transport=websocket"),
          "an EIO=3 websocket upgrade");
    }
  }
}
