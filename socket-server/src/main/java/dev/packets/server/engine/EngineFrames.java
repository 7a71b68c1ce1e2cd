package dev.packets.server.engine;

import io.socket.engineio.server.EngineIoServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;

/**
 * One websocket connection on Jetty's core websocket API, feeding engine.io: it assembles fragmented messages (up
 * to a limit), hands whole text and binary messages to its {@link JettyEngineSocket}, and asks for the next frame
 * once it handled one. The core API skips the jakarta.websocket layer (its per-session encoders, decoders and
 * message sinks), which costs both time per frame and memory per connection. Close frames are answered by Jetty;
 * websocket pings are not (the core API leaves them to the handler), and engine.io pings in its own text frames.
 */
public final class EngineFrames implements FrameHandler {
  private final EngineIoServer engine;
  private final FastLane lane;
  private final FrameMeter meter;
  private final Map<String, String> query;
  private final Map<String, List<String>> headers;
  private CoreSession session;
  private JettyEngineSocket socket;
  private final Assembler messages;

  private final String address;

  private EngineFrames(EngineIoServer engine, int maxMessageBytes, FastLane lane, FrameMeter meter,
      Map<String, String> query, Map<String, List<String>> headers, String address) {
    this.engine = engine;
    this.messages = new Assembler(maxMessageBytes);
    this.lane = lane;
    this.meter = meter;
    this.address = address;
    this.query = query;
    this.headers = headers;
  }

  /**
   * The handler that upgrades {@code /socket.io/} and {@code /socket.io} to engine.io websockets, refusing
   * permessage-deflate (compressing every tiny frame costs about ten times the throughput, see shared FACTS), with
   * messages of at most {@code maxMessageBytes}, closing connections silent for {@code idle} (longer than
   * engine.io's ping interval and timeout, which notice a dead peer first); packets go to {@code lane}. Upgrades
   * that {@code gate} refuses are answered with its status; each connection's frames are metered by a meter from
   * {@code meters}. Put it in front of the servlet context that serves polling.
   */
  public static WebSocketUpgradeHandler upgrades(EngineIoServer engine, int maxMessageBytes, Duration idle,
      FastLane lane, Gate gate, java.util.function.Supplier<FrameMeter> meters) {
    WebSocketUpgradeHandler upgrades = new WebSocketUpgradeHandler();
    WebSocketNegotiator negotiator = new WebSocketNegotiator() {
      @Override
      public FrameHandler negotiate(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        Map<String, String> query = query(request);
        String address = gate.clientAddress(Request.getRemoteAddr(request),
            request.getHeaders().get("X-Forwarded-For"));
        Gate.Refusal refused = gate.check(query, request.getHeaders().get("Origin"),
            request.getHttpURI().getScheme(), request.getHeaders().get("Host"), address, !query.containsKey("sid"));
        if (refused != null) {
          org.eclipse.jetty.server.Response.writeError(request, response, callback, refused.status(),
              refused.reason());
          return null;
        }
        response.setExtensions(List.of());
        return new EngineFrames(engine, maxMessageBytes, lane, meters.get(), query, headers(request), address);
      }
    };
    upgrades.addMapping("/socket.io/", negotiator);
    upgrades.addMapping("/socket.io", negotiator);
    Configuration config = upgrades.getConfiguration();
    config.setMaxFrameSize(maxMessageBytes);
    config.setMaxTextMessageSize(maxMessageBytes);
    config.setMaxBinaryMessageSize(maxMessageBytes);
    config.setIdleTimeout(idle);
    return upgrades;
  }

  static Map<String, String> query(Request request) {
    Map<String, String> query = new LinkedHashMap<>();
    Request.extractQueryParameters(request).forEach(f -> query.putIfAbsent(f.getName(), f.getValue()));
    return query;
  }

  /**
   * The handshake's headers, names case-insensitive, without the websocket protocol's own ({@code Upgrade},
   * {@code Connection}, {@code Sec-WebSocket-*}), which mean nothing once the connection is open and would cost
   * every idle connection their memory.
   */
  static Map<String, List<String>> headers(Request request) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (HttpField field : request.getHeaders()) {
      String name = field.getName();
      if (name.regionMatches(true, 0, "Sec-WebSocket-", 0, 14) || name.equalsIgnoreCase("Upgrade")
          || name.equalsIgnoreCase("Connection")) {
        continue;
      }
      List<String> values = headers.get(name);
      if (values == null) {
        headers.put(name, List.of(field.getValue()));
      } else {
        List<String> more = new ArrayList<>(values);
        more.add(field.getValue());
        headers.put(name, List.copyOf(more));
      }
    }
    return headers;
  }

  @Override
  public void onOpen(CoreSession coreSession, Callback callback) {
    session = coreSession;
    socket = new JettyEngineSocket(coreSession, query, headers, lane, meter);
    Gate.handshake(address, false, () -> engine.handleWebSocket(socket));
    callback.succeeded();
    coreSession.demand();
  }

  @Override
  public void onFrame(Frame frame, Callback callback) {
    byte opcode = frame.getOpCode();
    socket.reading(Thread.currentThread());
    try {
      // ping, pong and close: pings go unanswered (engine.io pings in its own frames), Jetty answers a close
      messages.frame(frame, this::deliver);
    } catch (RuntimeException | StackOverflowError e) {
      // a frame the library cannot take (org.json recurses on nesting): this connection fails, the thread goes on
      callback.failed(e);
      return;
    } finally {
      socket.reading(null);
    }
    callback.succeeded();
    if (opcode != OpCode.CLOSE) {
      session.demand();
    }
  }

  private void deliver(byte opcode, ByteBuffer payload) {
    byte[] bytes = new byte[payload == null ? 0 : payload.remaining()];
    if (bytes.length > 0) {
      payload.get(payload.position(), bytes);
    }
    if (opcode == OpCode.TEXT) {
      socket.onText(new String(bytes, StandardCharsets.UTF_8));
    } else {
      socket.onBinary(bytes);
    }
  }

  @Override
  public void onError(Throwable cause, Callback callback) {
    if (socket != null) {
      socket.onError(cause);
    }
    callback.succeeded();
  }

  @Override
  public void onClosed(CloseStatus closeStatus, Callback callback) {
    if (socket != null) {
      socket.onClose();
    }
    callback.succeeded();
  }
}
