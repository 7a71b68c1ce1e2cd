package dev.packets.server.engine;

import io.socket.engineio.server.EngineIoWebSocket;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * One websocket connection as engine.io sees it. Writes are serialized: engine.io writes from its ping timer and
 * from whichever thread sends.
 */
final class JettyEngineSocket extends EngineIoWebSocket {
  private final Session session;
  private final Map<String, String> query;
  private final Map<String, List<String>> headers;

  JettyEngineSocket(Session session, Map<String, String> query, Map<String, List<String>> headers) {
    this.session = session;
    this.query = query;
    this.headers = headers;
  }

  @Override
  public Map<String, String> getQuery() {
    return query;
  }

  @Override
  public Map<String, List<String>> getConnectionHeaders() {
    return headers;
  }

  @Override
  public synchronized void write(String message) throws IOException {
    if (session.isOpen()) {
      session.getBasicRemote().sendText(message);
    }
  }

  @Override
  public synchronized void write(byte[] message) throws IOException {
    if (session.isOpen()) {
      session.getBasicRemote().sendBinary(ByteBuffer.wrap(message));
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (IOException e) {
      // already gone
    }
  }

  void onText(String message) {
    emit("message", message);
  }

  void onBinary(byte[] message) {
    emit("message", (Object) message);
  }

  void onClose() {
    emit("close");
  }

  void onError(Throwable error) {
    emit("error", "websocket error", String.valueOf(error.getMessage()));
  }
}
