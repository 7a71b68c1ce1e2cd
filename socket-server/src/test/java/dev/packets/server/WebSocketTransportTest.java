package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.server.TestPackets.Echo;
import dev.packets.server.TestPackets.Move;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The websocket transport frame by frame, with the JDK's own websocket client: packets that take the hot path and
 * the same packets through the Socket.IO library's parser get the same answers, fragmented messages are assembled,
 * oversized ones close the connection, compression is refused, and the peer's address is known.
 */
class WebSocketTransportTest {
  private static final String PLACEHOLDER = "{\"_placeholder\":true,\"num\":0}";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static int id(Class<?> type) {
    return TestPackets.REGISTRY.id(type);
  }

  @Test
  void hotPathAndLibraryPathAnswerAlike() throws Exception {
    try (PacketServer server = TestPackets.server().build().start()) {
      RawSocket raw = RawSocket.connected(server.port());
      byte[] move = TestPackets.REGISTRY.encode(new Move(7, 1.5f, 2f));
      // the hot path's shape, then the same event spaced the way only the library's parser takes it
      raw.send("451-1[\"" + id(Move.class) + "\"," + PLACEHOLDER + "]", move);
      assertEquals("431[null,\"moved 7 to 1.5,2\"]", raw.next());
      assertEquals(1, server.hotPackets(), "the first took the hot path");
      raw.send("451-2[\"" + id(Move.class) + "\", " + PLACEHOLDER + "]", move);
      assertEquals("432[null,\"moved 7 to 1.5,2\"]", raw.next());
      assertEquals(1, server.hotPackets(), "the spaced one took the library's path");
      // a numeric event name, and a validation error
      raw.send("451-3[" + id(Move.class) + "," + PLACEHOLDER + "]", TestPackets.REGISTRY.encode(new Move(0, 0, 0)));
      String refused = raw.next().toString();
      assertTrue(refused.startsWith("433["), refused);
      org.json.JSONObject error = new org.json.JSONArray(refused.substring(3)).getJSONObject(0);
      assertEquals(422, error.getInt("code"));
      assertEquals("entity 0 is reserved", error.getString("reason"));
      // a response that is a packet: a binary ack and its attachment, on either path
      byte[] echo = TestPackets.REGISTRY.encode(new Echo("hi"));
      raw.send("451-4[\"" + id(Echo.class) + "\"," + PLACEHOLDER + "]", echo);
      assertEquals("461-4[null," + PLACEHOLDER + "," + id(Echo.class) + "]", raw.next());
      assertEquals(new Echo("HI"), TestPackets.REGISTRY.decode(id(Echo.class), (byte[]) raw.next()));
      raw.send("451-5[\"" + id(Echo.class) + "\", " + PLACEHOLDER + "]", echo);
      assertEquals("461-5[null," + PLACEHOLDER + "," + id(Echo.class) + "]", raw.next());
      assertEquals(new Echo("HI"), TestPackets.REGISTRY.decode(id(Echo.class), (byte[]) raw.next()));
      // no ack wanted: nothing comes back, and the next packet is still answered
      raw.send("451-[\"" + id(Move.class) + "\"," + PLACEHOLDER + "]", move);
      raw.send("451-6[\"" + id(Move.class) + "\"," + PLACEHOLDER + "]", move);
      assertEquals("436[null,\"moved 7 to 1.5,2\"]", raw.next());
      assertEquals(7L, server.metrics().packetsIn());
      raw.abort();
    }
  }

  @Test
  void fragmentedMessagesAreAssembled() throws Exception {
    try (PacketServer server = TestPackets.server().build().start()) {
      RawSocket raw = RawSocket.connected(server.port());
      String header = "451-1[\"" + id(Move.class) + "\"," + PLACEHOLDER + "]";
      byte[] move = TestPackets.REGISTRY.encode(new Move(9, 0f, 1f));
      raw.ws.sendText(header.substring(0, 7), false).get(10, TimeUnit.SECONDS);
      raw.ws.sendText(header.substring(7, 20), false).get(10, TimeUnit.SECONDS);
      raw.text(header.substring(20));
      raw.ws.sendBinary(ByteBuffer.wrap(move, 0, 2), false).get(10, TimeUnit.SECONDS);
      raw.ws.sendBinary(ByteBuffer.wrap(move, 2, move.length - 2), true).get(10, TimeUnit.SECONDS);
      assertEquals("431[null,\"moved 9 to 0,1\"]", raw.next());
      raw.abort();
    }
  }

  @Test
  void aMessageOverTheLimitClosesOnlyThatConnection() throws Exception {
    try (PacketServer server = TestPackets.server().maxPayloadBytes(1024).build().start()) {
      RawSocket other = RawSocket.connected(server.port());
      RawSocket raw = RawSocket.connected(server.port());
      // fragments of one message up to the limit (1 KiB payload + 64 KiB of frame), then a small one past it: the
      // server reads that last one whole before it closes, so nothing unread makes its kernel reset the connection
      // (which would lose the 1009 on its way: a fragment of 16 KiB past the limit did, once in a while)
      int max = server.config().maxMessage();
      byte[] chunk = new byte[16 * 1024];
      int sent = 0;
      while (sent + chunk.length <= max) {
        raw.ws.sendBinary(ByteBuffer.wrap(chunk), false).get(10, TimeUnit.SECONDS);
        sent += chunk.length;
      }
      raw.ws.sendBinary(ByteBuffer.wrap(new byte[max - sent + 100]), false).get(10, TimeUnit.SECONDS);
      assertEquals(1009, raw.closed.get(10, TimeUnit.SECONDS), "closed as too large");
      other.send("451-1[\"" + id(Move.class) + "\"," + PLACEHOLDER + "]",
          TestPackets.REGISTRY.encode(new Move(1, 0, 0)));
      assertEquals("431[null,\"moved 1 to 0,0\"]", other.next());
      other.abort();
    }
  }

  @Test
  void aHeaderWithoutItsAttachmentIsAbandonedAsTheLibraryWould() throws Exception {
    try (PacketServer server = TestPackets.server().build().start()) {
      RawSocket raw = RawSocket.connected(server.port());
      String move = "[\"" + id(Move.class) + "\"," + PLACEHOLDER + "]";
      raw.text("451-1" + move);
      raw.text("42[\"hello\"]");
      // the library replaces the event it was assembling with the next binary header; the connection carries on
      raw.send("451-2" + move, TestPackets.REGISTRY.encode(new Move(2, 0, 0)));
      assertEquals("432[null,\"moved 2 to 0,0\"]", raw.next());
      raw.send("451-3" + move, TestPackets.REGISTRY.encode(new Move(3, 0, 0)));
      assertEquals("433[null,\"moved 3 to 0,0\"]", raw.next());
      assertFalse(raw.closed.isDone());
      raw.abort();
    }
  }

  @Test
  void compressionIsRefused() throws Exception {
    try (PacketServer server = TestPackets.server().build().start();
        Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
          + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      List<String> head = new ArrayList<>();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        head.add(line.toLowerCase());
      }
      assertTrue(head.get(0).startsWith("http/1.1 101"), head.toString());
      assertFalse(head.stream().anyMatch(h -> h.startsWith("sec-websocket-extensions")), head.toString());
    }
  }

  @Test
  void socketsKnowTheirPeersAddressOnEitherTransport() throws Exception {
    List<PacketSocket> connected = new CopyOnWriteArrayList<>();
    try (PacketServer server = TestPackets.server().onConnect(connected::add).build().start()) {
      RawSocket raw = RawSocket.connected(server.port());
      assertEquals("127.0.0.1", connected.get(0).remoteAddress());
      assertTrue(connected.get(0).headers().containsKey("host"), "handshake headers, any case");
      assertFalse(connected.get(0).headers().containsKey("sec-websocket-key"), "not the protocol's own");
      raw.abort();

      String base = "http://127.0.0.1:" + server.port() + "/socket.io/?EIO=4&transport=polling";
      String open = get(base);
      String sid = open.substring(open.indexOf("\"sid\"") + 7).split("\"")[1];
      HttpResponse<String> connect = HTTP.send(HttpRequest.newBuilder(URI.create(base + "&sid=" + sid))
          .POST(HttpRequest.BodyPublishers.ofString("40")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, connect.statusCode());
      assertTrue(pollUntilReady(base + "&sid=" + sid), "packets:ready within five polls");
      assertEquals(2, connected.size());
      assertEquals("127.0.0.1", connected.get(1).remoteAddress());
    }
  }

  @Test
  void packetsTakeTheWebsocketOnceAPollingSessionUpgrades() throws Exception {
    List<PacketSocket> connected = new CopyOnWriteArrayList<>();
    try (PacketServer server = TestPackets.server().onConnect(connected::add).build().start()) {
      String base = "http://127.0.0.1:" + server.port() + "/socket.io/?EIO=4&transport=polling";
      String open = get(base);
      String sid = open.substring(open.indexOf("\"sid\"") + 7).split("\"")[1];
      HTTP.send(HttpRequest.newBuilder(URI.create(base + "&sid=" + sid))
          .POST(HttpRequest.BodyPublishers.ofString("40")).build(), HttpResponse.BodyHandlers.ofString());
      assertTrue(pollUntilReady(base + "&sid=" + sid), "packets:ready within five polls");

      RawSocket raw = RawSocket.open(server.port(), (String) null, true, "&sid=" + sid);
      String move = "[\"" + id(Move.class) + "\"," + PLACEHOLDER + "]";
      raw.text("2probe");
      assertEquals("3probe", raw.next());
      raw.text("5");
      raw.send("451-2" + move, TestPackets.REGISTRY.encode(new Move(2, 0, 0)));
      assertEquals("432[null,\"moved 2 to 0,0\"]", raw.next());
      assertEquals(1, server.hotPackets(), "after the upgrade, packets take the hot path");
      assertEquals(1, connected.size());
      assertEquals(1, server.sockets().size());
      raw.abort();
    }
  }

  @Test
  void aTrustedProxysForwardedForNamesTheClient() throws Exception {
    assertEquals("198.51.100.7", forwardedAddress(TestPackets.server().trustedProxies("127.0.0.1")),
        "the entry the trusted proxy added");
    assertEquals("127.0.0.1", forwardedAddress(TestPackets.server()), "an untrusted peer's header is ignored");
  }

  private static String forwardedAddress(ServerBuilder builder) throws Exception {
    List<PacketSocket> connected = new CopyOnWriteArrayList<>();
    try (PacketServer server = builder.onConnect(connected::add).build().start()) {
      RawSocket raw = RawSocket.connected(RawSocket.open(server.port(),
          Map.of("X-Forwarded-For", "203.0.113.9, 198.51.100.7"), true, ""));
      String address = connected.get(0).remoteAddress();
      raw.abort();
      return address;
    }
  }

  /**
   * Polls until {@code packets:ready} arrives: the CONNECT answer and the ready event leave through the socket's
   * mailbox, so one poll may carry only the first of them.
   */
  private static boolean pollUntilReady(String url) throws Exception {
    for (int i = 0; i < 5; i++) {
      if (get(url).contains("packets:ready")) {
        return true;
      }
    }
    return false;
  }

  private static String get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
