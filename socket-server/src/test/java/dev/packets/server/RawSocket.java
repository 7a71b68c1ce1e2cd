package dev.packets.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw engine.io (or packets lane) websocket to a test server, for hostile tests: it may send an {@code Origin}, stop reading
 * (then the server's frames back up in TCP), and send any frame. {@link #closed} completes with the close code the
 * server sent (or -1 when the connection failed).
 */
final class RawSocket implements WebSocket.Listener {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  final CompletableFuture<String> closeReason = new CompletableFuture<>();
  private final StringBuilder text = new StringBuilder();
  private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
  private final boolean reading;
  WebSocket ws;

  private RawSocket(boolean reading) {
    this.reading = reading;
  }

  /** A websocket that reads everything, with no Origin header, past the handshake (no CONNECT sent). */
  static RawSocket open(int port) throws Exception {
    return open(port, Map.of(), true, "");
  }

  /**
   * A websocket to {@code /socket.io/?EIO=4&transport=websocket<query>} (or {@code /socket.io/<query>} when it
   * starts with {@code ?}); {@code origin} null sends none; a socket
   * that is not {@code reading} never asks for a frame.
   */
  static RawSocket open(int port, String origin, boolean reading, String query) throws Exception {
    return open(port, origin == null ? Map.of() : Map.of("Origin", origin), reading, query);
  }

  /** As {@link #open(int, String, boolean, String)}, with any handshake headers. */
  static RawSocket open(int port, Map<String, String> headers, boolean reading, String query) throws Exception {
    RawSocket raw = new RawSocket(reading);
    WebSocket.Builder builder = HTTP.newWebSocketBuilder();
    headers.forEach(builder::header);
    String path = query.startsWith("?") ? "/socket.io/" + query : "/socket.io/?EIO=4&transport=websocket" + query;
    raw.ws = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + path), raw).get(10, TimeUnit.SECONDS);
    return raw;
  }

  /**
   * A websocket to the packets lane, {@code /packets/lane}, asking for {@code subprotocols} (none: the upgrade is
   * refused), with any handshake headers; no hello sent.
   */
  static RawSocket lane(int port, Map<String, String> headers, String... subprotocols) throws Exception {
    RawSocket raw = new RawSocket(true);
    WebSocket.Builder builder = HTTP.newWebSocketBuilder();
    headers.forEach(builder::header);
    if (subprotocols.length > 0) {
      builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    raw.ws = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/packets/lane"), raw).get(10, TimeUnit.SECONDS);
    return raw;
  }

  /** A lane websocket that said hello ({@code auth} its auth payload, JSON, or null) and was told it is ready. */
  static RawSocket laneReady(int port, String auth) throws Exception {
    RawSocket raw = lane(port, Map.of(), "packets.1");
    raw.text(auth == null ? "[\"packets:hello\",{}]" : "[\"packets:hello\",{\"auth\":" + auth + "}]");
    raw.expect("[\"packets:ready\"");
    return raw;
  }

  /** The next frame, which must be binary. */
  byte[] nextBinary() throws InterruptedException {
    Object frame = next();
    if (!(frame instanceof byte[] bytes)) {
      throw new AssertionError("expected a binary frame, got " + frame);
    }
    return bytes;
  }

  /** Opens, connects to the main namespace and waits for {@code packets:ready}. */
  static RawSocket connected(int port) throws Exception {
    return connected(open(port));
  }

  /** Connects an opened socket to the main namespace and waits for {@code packets:ready}. */
  static RawSocket connected(RawSocket raw) throws Exception {
    raw.expect("0{");
    raw.text("40");
    raw.expect("40{");
    raw.expect("42[\"packets:ready\"");
    return raw;
  }

  void text(String frame) throws Exception {
    ws.sendText(frame, true).get(10, TimeUnit.SECONDS);
  }

  void binary(byte[] frame) throws Exception {
    ws.sendBinary(ByteBuffer.wrap(frame), true).get(10, TimeUnit.SECONDS);
  }

  /** A binary event's header and its attachment. */
  void send(String header, byte[] attachment) throws Exception {
    text(header);
    binary(attachment);
  }

  /** Drops the connection without a close frame. */
  void abort() {
    ws.abort();
  }

  Object next() throws InterruptedException {
    Object frame = frames.poll(10, TimeUnit.SECONDS);
    if (frame == null) {
      throw new AssertionError("no frame within 10 s");
    }
    return frame;
  }

  /** The next text frame, which must start with {@code prefix}. */
  String expect(String prefix) throws InterruptedException {
    Object frame = next();
    if (!(frame instanceof String s) || !s.startsWith(prefix)) {
      throw new AssertionError("expected a frame starting with " + prefix + ", got " + frame);
    }
    return s;
  }

  @Override
  public void onOpen(WebSocket socket) {
    if (reading) {
      socket.request(1);
    }
  }

  @Override
  public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      frames.add(text.toString());
      text.setLength(0);
    }
    socket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    binary.writeBytes(bytes);
    if (last) {
      frames.add(binary.toByteArray());
      binary.reset();
    }
    socket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
    closeReason.complete(reason);
    closed.complete(status);
    return null;
  }

  @Override
  public void onError(WebSocket socket, Throwable error) {
    closeReason.complete(String.valueOf(error));
    closed.complete(-1);
  }
}
