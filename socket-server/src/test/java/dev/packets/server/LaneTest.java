package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.server.TestPackets.Echo;
import dev.packets.server.TestPackets.Move;
import dev.packets.server.TestPackets.Ping;
import dev.packets.socketio.PacketError;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The packets lane byte for byte, with frames written by hand from its spec (docs/wire-format.md, LaneFrames), and
 * the Java client's choice of way: the lane by default, Socket.IO when the lane is refused.
 */
class LaneTest {
  private static final int MOVE = TestPackets.REGISTRY.id(Move.class);
  private static final int ECHO = TestPackets.REGISTRY.id(Echo.class);
  private static final int PING = TestPackets.REGISTRY.id(Ping.class);

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void aHandWrittenSessionOnTheLane() throws Exception {
    try (PacketServer server = TestPackets.server().build().start()) {
      RawSocket lane = RawSocket.lane(server.port(), java.util.Map.of(), "packets.1");
      lane.text("[\"packets:hello\",{\"auth\":{\"name\":\"ada\"}}]");
      JSONObject ready = new org.json.JSONArray(lane.expect("[\"packets:ready\"")).getJSONObject(1);
      assertEquals(TestPackets.REGISTRY.fingerprint(), ready.getString("fingerprint"));
      assertEquals(server.sockets().get(0).id(), ready.getString("id"));
      assertTrue(server.sockets().get(0).onLane());
      assertEquals("ada", ((java.util.Map<?, ?>) server.sockets().get(0).auth()).get("name"));

      // SEND, ack 1, Echo("hi"): 02 01 <echo> 02 'h' 'i' -> REPLY, ack 1, Echo("HI"): 03 01 <echo> 02 'H' 'I'
      lane.binary(bytes(0x02, 0x01, ECHO, 0x02, 'h', 'i'));
      assertArrayEquals(bytes(0x03, 0x01, ECHO, 0x02, 'H', 'I'), lane.nextBinary());

      // SEND, ack 300 (varuint ac 02), Move(1, 0, 0) -> VALUE, ack 300, the JSON string "moved 1 to 0,0"
      lane.binary(bytes(0x02, 0xac, 0x02, MOVE, 0x01, 0, 0, 0, 0, 0, 0, 0, 0));
      assertArrayEquals(concat(bytes(0x04, 0xac, 0x02), "\"moved 1 to 0,0\"".getBytes(StandardCharsets.UTF_8)),
          lane.nextBinary());

      // Move(0, …) is refused by its validator -> ERROR, ack 2, {"code":422,"reason":"entity 0 is reserved"}
      lane.binary(bytes(0x02, 0x02, MOVE, 0x00, 0, 0, 0, 0, 0, 0, 0, 0));
      assertArrayEquals(concat(bytes(0x05, 0x02), "{\"code\":422,\"reason\":\"entity 0 is reserved\"}"
          .getBytes(StandardCharsets.UTF_8)), lane.nextBinary());

      // PUSH, no answer wanted: nothing comes back, and the next packet is answered
      lane.binary(bytes(0x01, ECHO, 0x01, 'x'));
      lane.binary(bytes(0x02, 0x03, ECHO, 0x01, 'y'));
      assertArrayEquals(bytes(0x03, 0x03, ECHO, 0x01, 'Y'), lane.nextBinary());

      // Ping's acceptor sends Echo("pushed") to this client and answers with its answer: the server's SEND under
      // its own ack 1, answered with a VALUE; then the Ping's VALUE carries that answer
      lane.binary(bytes(0x02, 0x04, PING));
      assertArrayEquals(concat(bytes(0x02, 0x01, ECHO, 0x06), "pushed".getBytes(StandardCharsets.US_ASCII)),
          lane.nextBinary());
      lane.binary(concat(bytes(0x04, 0x01), "\"got it\"".getBytes(StandardCharsets.UTF_8)));
      assertArrayEquals(concat(bytes(0x04, 0x04), "\"got it\"".getBytes(StandardCharsets.UTF_8)), lane.nextBinary());

      // a push from the server: PUSH <echo> <payload>, one frame
      server.sockets().get(0).push(new Echo("yo"));
      assertArrayEquals(bytes(0x01, ECHO, 0x02, 'y', 'o'), lane.nextBinary());

      // a close by the server: packets:close, then a close frame
      server.sockets().get(0).close("bye");
      assertEquals("[\"packets:close\",{\"reason\":\"bye\"}]", lane.next());
      assertEquals(1000, lane.closed.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void theJavaClientTakesTheLaneByDefault() throws Exception {
    try (PacketServer server = TestPackets.server().build().start();
        PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()),
            TestPackets.REGISTRY, ClientOptions.DEFAULT.withTransport(ClientOptions.Transport.AUTO))) {
      assertEquals("moved 3 to 1,2", client.send(new Move(3, 1, 2)).get(10, TimeUnit.SECONDS));
      assertEquals(new Echo("HI"), client.send(new Echo("hi")).get(10, TimeUnit.SECONDS));
      assertTrue(server.sockets().get(0).onLane(), "the client is on the lane");
      assertEquals(server.sockets().get(0).id(), client.socketId());
      assertEquals(0, server.hotPackets(), "no packet came through Socket.IO");
    }
  }

  @Test
  void theJavaClientFallsBackToSocketIoWhenTheLaneIsRefused() throws Exception {
    try (PacketServer server = TestPackets.server().lane(false).build().start();
        PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()),
            TestPackets.REGISTRY, ClientOptions.DEFAULT.withTransport(ClientOptions.Transport.AUTO))) {
      assertEquals("moved 3 to 1,2", client.send(new Move(3, 1, 2)).get(10, TimeUnit.SECONDS));
      assertFalse(server.sockets().get(0).onLane(), "the client is on Socket.IO");
      assertEquals(1, server.hotPackets());
    }
  }

  @Test
  void aClientOnTheLaneOnlyFailsWhenTheLaneIsRefused() throws Exception {
    try (PacketServer server = TestPackets.server().lane(false).build().start()) {
      PacketError refused = org.junit.jupiter.api.Assertions.assertThrows(PacketError.class, () -> PacketClient.connect(
          URI.create("http://127.0.0.1:" + server.port()), TestPackets.REGISTRY,
          ClientOptions.DEFAULT.withReconnect(false).withTransport(ClientOptions.Transport.LANE)));
      assertEquals(503, refused.code());
      assertTrue(refused.reason().contains("404"), refused.reason());
      assertEquals(0, server.metrics().connections());
    }
  }

  @Test
  void anUpgradeWithoutTheSubprotocolIsRefused() throws Exception {
    try (PacketServer server = TestPackets.server().build().start()) {
      java.util.concurrent.ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
          java.util.concurrent.ExecutionException.class, () -> RawSocket.lane(server.port(), java.util.Map.of()));
      java.net.http.WebSocketHandshakeException handshake =
          (java.net.http.WebSocketHandshakeException) refused.getCause();
      assertEquals(400, handshake.getResponse().statusCode());
      assertTrue(String.valueOf(handshake.getResponse().body()).contains("packets.1"),
          String.valueOf(handshake.getResponse().body()));
    }
  }
}
