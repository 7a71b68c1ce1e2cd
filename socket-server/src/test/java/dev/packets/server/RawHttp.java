package dev.packets.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A raw HTTP/1.1 connection to a test server on loopback, for what a well-behaved client would never send: lying
 * Content-Lengths, trickled bodies, pipelined requests that are never read, other origins. Reads time out after
 * ten seconds.
 */
final class RawHttp implements AutoCloseable {
  final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final int port;

  RawHttp(int port) throws IOException {
    this.port = port;
    this.socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** What came back: the status, the headers (names in lower case) and the body. */
  record Response(int status, Map<String, String> headers, String body) {}

  /** Writes raw bytes as they are. */
  void write(String raw) throws IOException {
    out.write(raw.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Writes a request with a body and its true Content-Length, plus {@code extraHeaders} (each ending in CRLF). */
  void request(String method, String path, String body, String extraHeaders) throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    write(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + extraHeaders
        + (body == null ? "" : "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: " + bytes.length + "\r\n")
        + "\r\n");
    out.write(bytes);
    out.flush();
  }

  Response exchange(String method, String path, String body, String extraHeaders) throws IOException {
    request(method, path, body, extraHeaders);
    return read();
  }

  /** Reads one response (Content-Length or chunked bodies). */
  Response read() throws IOException {
    String status = line();
    if (status == null) {
      throw new IOException("connection closed before a response");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(); line != null && !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (headers.containsKey("content-length")) {
      body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
        body.write(in.readNBytes(size));
        line();
      }
      line();
    }
    return new Response(Integer.parseInt(status.split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1; b = in.read()) {
      if (b == '\n') {
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
  }

  /** Whether the server closed this connection (reads end) within the socket timeout. */
  boolean closedByServer() {
    try {
      while (in.read() != -1) {
        // drain whatever the server still sent
      }
      return true;
    } catch (IOException e) {
      return e.getMessage() != null && e.getMessage().contains("reset");
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /**
   * An engine.io polling session opened on this connection: handshake, Socket.IO CONNECT, and the answers up to
   * {@code packets:ready}; returns its sid.
   */
  String openPollingSession() throws IOException {
    Response open = exchange("GET", "/socket.io/?EIO=4&transport=polling", null, "");
    if (open.status() != 200 || !open.body().startsWith("0{")) {
      throw new IOException("no engine.io handshake: " + open);
    }
    String sid = new org.json.JSONObject(open.body().substring(1)).getString("sid");
    Response connect = exchange("POST", "/socket.io/?EIO=4&transport=polling&sid=" + sid, "40", "");
    if (connect.status() != 200) {
      throw new IOException("CONNECT refused: " + connect);
    }
    StringBuilder seen = new StringBuilder();
    for (int i = 0; i < 5 && !seen.toString().contains("packets:ready"); i++) {
      seen.append(exchange("GET", "/socket.io/?EIO=4&transport=polling&sid=" + sid, null, "").body());
    }
    if (!seen.toString().contains("packets:ready")) {
      throw new IOException("never ready: " + seen);
    }
    return sid;
  }
}
