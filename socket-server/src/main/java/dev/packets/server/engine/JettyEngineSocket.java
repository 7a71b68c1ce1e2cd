package dev.packets.server.engine;

import dev.packets.socketio.Frames;
import io.socket.engineio.server.EngineIoWebSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One websocket connection as engine.io sees it. Writes queue frames on Jetty's flusher without blocking, in the
 * order they are made; they are serialized here because engine.io writes from its ping timer and from whichever
 * thread sends.
 *
 * <p>The hot path: once this websocket carries its engine.io session and the session's socket takes packets, a
 * binary event header that {@link Frames#parseSend} recognizes and the attachment after it go to the {@link FastLane}
 * instead of through engine.io's and the Socket.IO library's parsers (org.json, the binary reconstructor, the
 * emitter). Frames of any other shape go the library's way, and so do the attachments of a header the library
 * took, so the two never split one event.
 */
final class JettyEngineSocket extends EngineIoWebSocket implements FrameWriter {
  private static final Logger LOG = LoggerFactory.getLogger(JettyEngineSocket.class);
  private static final String SID_KEY = "\"sid\"";
  /** Logs a write that failed: the connection is going or gone, and engine.io learns it from the close. */
  private static final Callback WRITTEN = Callback.from(() -> { }, e -> LOG.debug("websocket write failed", e));

  private final CoreSession session;
  private final Map<String, String> query;
  private final Map<String, List<String>> headers;
  private final FastLane lane;
  private final FrameMeter meter;
  /** The thread inside {@link EngineFrames#onFrame} for this connection now, or null. */
  private volatile Thread reader;
  /** The ack id of a binary ack whose attachment comes next, or -1; and its header's JSON. */
  private int ackDue = -1;
  private String ackJson;
  /** The engine.io session this websocket carries, once known. */
  private volatile String sid;
  /** Whether this websocket is its session's transport (an upgrade, once the client answered the probe with 5). */
  private volatile boolean transport;
  /** Whether engine.io answered this websocket's upgrade probe ({@code 3probe}). */
  private volatile boolean probed;
  /** Attachments still owed to a binary header the library took. */
  private int libraryAttachments;
  /** The header of the fast event whose attachment comes next, or {@link Frames#NO}. */
  private long pending = Frames.NO;
  private String pendingFrame;

  JettyEngineSocket(CoreSession session, Map<String, String> query, Map<String, List<String>> headers, FastLane lane,
      FrameMeter meter) {
    this.session = session;
    this.query = query;
    this.headers = headers;
    this.lane = lane;
    this.meter = meter;
    this.sid = query.get("sid");
  }

  /** Marks the calling thread as this connection's reader (null: none now). */
  void reading(Thread thread) {
    reader = thread;
  }

  @Override
  public boolean onReadThread() {
    return reader == Thread.currentThread();
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
  public synchronized void write(String message) {
    if (sid == null && message.startsWith("0{")) {
      sid = openedSession(message);
      if (sid != null) {
        transport = true;
        if (lane != null) {
          lane.opened(sid, this, remoteAddress());
        }
      }
    } else if (!transport && message.equals("3probe")) {
      probed = true;
    } else if (message.equals("2")) {
      meter.pingSent();
    }
    session.sendFrame(new Frame(OpCode.TEXT, message), WRITTEN, false);
  }

  @Override
  public synchronized void write(byte[] message) {
    session.sendFrame(new Frame(OpCode.BINARY, ByteBuffer.wrap(message)), WRITTEN, false);
  }

  @Override
  public synchronized void write(byte[] text, byte[] binary, Runnable written) {
    CoreWrites.write(session, text, binary, written);
  }

  @Override
  public void abort(int code, String reason) {
    session.close(code, reason, Callback.NOOP);
    session.abort();
  }

  @Override
  public void close() {
    session.close(CloseStatus.NORMAL, null, Callback.NOOP);
  }

  /** Closes for a broken rule: 1002 (protocol error) for a pong without a ping, else 1008 (policy violation). */
  private void broke(String reason) {
    if (lane != null) {
      lane.protocolError(sid, reason);
    }
    session.close(reason.contains("pong") ? 1002 : 1008, reason, Callback.NOOP);
  }

  /** The peer's IP address. */
  String remoteAddress() {
    return session.getRemoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
        ? a.getAddress().getHostAddress() : String.valueOf(session.getRemoteAddress());
  }

  void onText(String message) {
    if (lane != null && transport && libraryAttachments == 0 && pending == Frames.NO) {
      long header = Frames.parseSend(message);
      if (header != Frames.NO && lane.ready(sid)) {
        pending = header;
        pendingFrame = message;
        return;
      }
    }
    String broken = meter.text(message);
    if (broken != null) {
      broke(broken);
      return;
    }
    if (lane != null && ack(message)) {
      return;
    }
    if (lane != null && transport && libraryAttachments == 0) {
      long header = Frames.parseSend(message);
      if (header != Frames.NO && lane.ready(sid)) {
        pending = header;
        pendingFrame = message;
        return;
      }
    }
    if (pending != Frames.NO) {
      // a header not followed by its attachment: the library sees the broken event as it would have
      pending = Frames.NO;
      libraryAttachments = 1;
      emit("message", pendingFrame);
    }
    if (binaryHeader(message)) {
      // the library's decoder drops any event it was assembling for this one
      libraryAttachments = attachments(message);
    }
    if (!transport && probed && message.equals("5")) {
      transport = true;
      if (lane != null) {
        lane.opened(sid, this, remoteAddress());
      }
    }
    emit("message", message);
  }

  void onBinary(byte[] message) {
    long header = pending;
    if (header != Frames.NO) {
      pending = Frames.NO;
      lane.packet(sid, Frames.packetId(header), Frames.ackWanted(header), message, this);
      return;
    }
    String broken = meter.binary(message.length);
    if (broken != null) {
      broke(broken);
      return;
    }
    if (ackDue >= 0) {
      int id = ackDue;
      ackDue = -1;
      lane.ack(sid, id, ackJson, message);
      ackJson = null;
      return;
    }
    if (libraryAttachments > 0) {
      libraryAttachments--;
    }
    emit("message", (Object) message);
  }

  void onClose() {
    if (lane != null && sid != null && transport) {
      lane.closed(sid, this);
    }
    emit("close");
  }

  void onError(Throwable error) {
    emit("error", "websocket error", String.valueOf(error.getMessage()));
  }

  /**
   * Takes the client's ack of the server's own send ({@code 43<id>[…]}, or {@code 461-<id>[…]} whose attachment
   * comes next) past the library, which keeps no record of those ids; false for any other frame.
   */
  private boolean ack(String message) {
    long ack = Frames.ackId(message);
    if (ack == Frames.NO) {
      return false;
    }
    String arguments = message.substring(Frames.arguments(ack));
    if (Frames.binary(ack)) {
      ackDue = Frames.id(ack);
      ackJson = arguments;
    } else {
      lane.ack(sid, Frames.id(ack), arguments, null);
    }
    return true;
  }

  /** The session id in engine.io's open packet, {@code 0{"sid": "…", …}} (any spacing), or null. */
  static String openedSession(String open) {
    int i = open.indexOf(SID_KEY);
    if (i < 0) {
      return null;
    }
    i += SID_KEY.length();
    while (i < open.length() && (open.charAt(i) == ' ' || open.charAt(i) == ':')) {
      i++;
    }
    if (i >= open.length() || open.charAt(i) != '"') {
      return null;
    }
    int end = open.indexOf('"', i + 1);
    return end > i + 1 ? open.substring(i + 1, end) : null;
  }

  /** Whether a text frame is a Socket.IO binary event or ack header ({@code 45…}, {@code 46…}). */
  static boolean binaryHeader(String message) {
    return message.length() >= 2 && message.charAt(0) == '4' && (message.charAt(1) == '5' || message.charAt(1) == '6');
  }

  /** The attachments a Socket.IO binary event or ack header announces ({@code 45<n>-}, {@code 46<n>-}), else 0. */
  static int attachments(String message) {
    if (message.length() < 4 || !binaryHeader(message)) {
      return 0;
    }
    int count = 0;
    for (int i = 2; i < message.length() && i < 9; i++) {
      char c = message.charAt(i);
      if (c == '-') {
        return count;
      }
      if (c < '0' || c > '9') {
        return 0;
      }
      count = count * 10 + (c - '0');
    }
    return 0;
  }
}
