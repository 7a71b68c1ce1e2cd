package dev.packets.client;

import dev.packets.socketio.PacketError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.Packet;
import dev.packets.PacketRegistry;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server that goes silent without closing the TCP connection (a dead link, a frozen process): the client notices
 * when no ping comes (Socket.IO), or no pong answers its pings (the lane), within the ping interval plus the ping
 * timeout the server announced, and fails what it waits for with a reason that says so.
 */
class ClientPingTimeoutTest {
  @Packet
  record Hello(String text) {}

  private static final PacketRegistry REGISTRY = PacketRegistry.of(Hello.class);

  @ParameterizedTest
  @EnumSource(value = ClientOptions.Transport.class, names = {"LANE", "SOCKET_IO"})
  void aSilentServerIsDroppedAfterItsPingIntervalAndTimeout(ClientOptions.Transport way) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Long> closedAfter = CompletableFuture.supplyAsync(() -> silentServer(listener, way));
      ClientOptions options = ClientOptions.DEFAULT.withReconnect(false).withTransport(way)
          .withResponseTimeout(java.time.Duration.ofSeconds(20));
      try (PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + listener.getLocalPort()),
          REGISTRY, options)) {
        long start = System.nanoTime();
        CompletableFuture<Object> answer = client.send(new Hello("anyone?"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        PacketError error = assertInstanceOf(PacketError.class, e.getCause());
        assertEquals(503, error.code());
        assertTrue(error.reason().contains("ping timeout"), error.reason());
        assertTrue(waited >= 300 && waited < 5_000, "dropped after " + waited + " ms (interval 200 + timeout 200)");
        long serverSaw = closedAfter.get(10, TimeUnit.SECONDS);
        assertTrue(serverSaw >= 300, "the client closed the websocket after " + serverSaw + " ms");
      }
    }
  }

  /**
   * Speaks just enough websocket and engine.io (or the packets lane) to connect a client, then never pings nor
   * answers a ping; returns ms until closed.
   */
  private static long silentServer(ServerSocket listener, ClientOptions.Transport way) {
    try (Socket socket = listener.accept()) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      boolean lane = way == ClientOptions.Transport.LANE;
      upgrade(readHead(in), out, lane);
      if (lane) {
        text(out, "[\"packets:ready\",{\"fingerprint\":\"" + REGISTRY.fingerprint()
            + "\",\"id\":\"s\",\"pingInterval\":200,\"pingTimeout\":200}]");
      } else {
        text(out, "0{\"sid\":\"silent\",\"upgrades\":[],\"pingInterval\":200,\"pingTimeout\":200,\"maxPayload\":1000000}");
        text(out, "40{\"sid\":\"s\"}");
        text(out, "42[\"packets:ready\",{\"fingerprint\":\"" + REGISTRY.fingerprint() + "\"}]");
      }
      long start = System.nanoTime();
      // read the client's frames (its connect, its packet) until it closes: a close frame or end of stream
      while (true) {
        int first = in.read();
        if (first < 0 || (first & 0x0f) == 0x8) {
          return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }
        int len = in.read() & 0x7f;
        if (len == 126) {
          len = (in.read() << 8) | in.read();
        } else if (len == 127) {
          throw new IllegalStateException("unexpected huge frame");
        }
        in.readNBytes(4 + len); // mask and payload
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Answers a websocket upgrade request: 101, with subprotocol packets.1 when {@code lane}. */
  private static void upgrade(String request, OutputStream out, boolean lane) throws Exception {
    String key = request.lines().filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
        .findFirst().orElseThrow().substring(18).trim();
    String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
        .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
    out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + (lane ? "Sec-WebSocket-Protocol: packets.1\r\n" : "")
        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * A server that upgrades any path without the lane's subprotocol (a Socket.IO server that does not look at the
   * path) is not taken for a lane: the default client closes that websocket and connects through Socket.IO.
   */
  @org.junit.jupiter.api.Test
  void aServerThatUpgradesTheLaneWithoutItsSubprotocolIsLeftForSocketIo() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> paths = CompletableFuture.supplyAsync(() -> {
        try (Socket first = listener.accept()) {
          String lane = readHead(first.getInputStream());
          upgrade(lane, first.getOutputStream(), false);
          try (Socket second = listener.accept()) {
            String socketIo = readHead(second.getInputStream());
            OutputStream out = second.getOutputStream();
            upgrade(socketIo, out, false);
            text(out, "0{\"sid\":\"x\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000}");
            text(out, "40{\"sid\":\"s\"}");
            text(out, "42[\"packets:ready\",{\"fingerprint\":\"" + REGISTRY.fingerprint() + "\"}]");
            String firstLine = lane.lines().findFirst().orElse("") + " then " + socketIo.lines().findFirst().orElse("");
            Thread.sleep(500);
            return firstLine;
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      try (PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + listener.getLocalPort()),
          REGISTRY, ClientOptions.DEFAULT.withReconnect(false).withTransport(ClientOptions.Transport.AUTO))) {
        assertTrue(client.isConnected());
        String seen = paths.get(10, TimeUnit.SECONDS);
        assertTrue(seen.startsWith("GET /packets/lane ") && seen.contains(" then GET /socket.io/?EIO=4"), seen);
      }
    }
  }

  private static String readHead(InputStream in) throws java.io.IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new java.io.EOFException("no upgrade request");
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  private static void text(OutputStream out, String text) throws java.io.IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    out.write(0x81);
    if (payload.length < 126) {
      out.write(payload.length);
    } else {
      out.write(126);
      out.write(payload.length >> 8);
      out.write(payload.length & 0xff);
    }
    out.write(payload);
    out.flush();
  }
}
