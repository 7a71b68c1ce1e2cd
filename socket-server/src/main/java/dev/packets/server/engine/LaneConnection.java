package dev.packets.server.engine;

import dev.packets.lane.LaneFrames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One websocket of the packets lane on Jetty's core websocket API: it assembles fragmented messages (up to a
 * limit), reads each whole frame with {@link LaneFrames} and hands it to its {@link LaneListener}; it is also the
 * connection's {@link FrameWriter}. The client's first frame must be its {@code packets:hello}, within the hello
 * timeout; packet frames are metered by the socket's packet rate limit above, every other frame by this
 * connection's frame budget. A frame that breaks a rule closes the connection: 1002 (protocol error) for a frame of
 * no lane shape, 1008 (policy) for one over a budget, 1009 for a message over the size limit (Jetty's).
 */
public final class LaneConnection implements FrameHandler, FrameWriter {
  private static final Logger LOG = LoggerFactory.getLogger(LaneConnection.class);
  /** Logs a write that failed: the connection is going or gone, and its close says so. */
  private static final Callback WRITTEN = Callback.from(() -> { }, e -> LOG.debug("lane write failed", e));

  private final String id;
  private final String address;
  private final Map<String, String> query;
  private final Map<String, List<String>> headers;
  private final LaneListener listener;
  private final Lanes lanes;
  /** The budget of the frames that are not packets (answers, events). */
  private final TokenBucket frames;
  private final LaneFrames.Head head = new LaneFrames.Head();
  private CoreSession session;
  /** Whether the gate counted this connection in (it is counted out at close). */
  private boolean counted;
  private volatile boolean hello;
  /** Whether it broke a rule: it is closing, and what it still sends is dropped. */
  private boolean broken;
  private volatile boolean open;
  private ScheduledFuture<?> helloDeadline;
  /** The thread inside {@link #onFrame} now, or null. */
  private volatile Thread reader;
  /** What the listener keeps with this connection (its socket). */
  private volatile Object attachment;
  private final Assembler messages;

  LaneConnection(String id, String address, Map<String, String> query, Map<String, List<String>> headers,
      int maxMessageBytes, LaneListener listener, Lanes lanes, TokenBucket frames) {
    this.id = id;
    this.address = address;
    this.query = query;
    this.headers = headers;
    this.messages = new Assembler(maxMessageBytes);
    this.listener = listener;
    this.lanes = lanes;
    this.frames = frames;
  }

  /** The connection's id, unique on this server while it is open. */
  public String id() {
    return id;
  }

  /** The client's address, as the gate saw it (a trusted proxy's forwarded one). */
  public String address() {
    return address;
  }

  public Map<String, String> query() {
    return query;
  }

  public Map<String, List<String>> headers() {
    return headers;
  }

  public boolean isOpen() {
    return open;
  }

  public Object attachment() {
    return attachment;
  }

  public void attach(Object value) {
    attachment = value;
  }

  /** Closes with {@code code} and {@code reason} (the peer's close is waited for, up to Jetty's idle timeout). */
  public void close(int code, String reason) {
    CoreSession s = session;
    if (s != null) {
      s.close(code, reason, Callback.NOOP);
    }
  }

  @Override
  public void onOpen(CoreSession coreSession, Callback callback) {
    session = coreSession;
    counted = lanes.opened(this);
    if (!counted) {
      callback.succeeded();
      coreSession.close(CloseStatus.TRY_AGAIN_LATER, "too many connections", Callback.NOOP);
      return;
    }
    open = true;
    helloDeadline = lanes.helloDeadline(this);
    callback.succeeded();
    coreSession.demand();
  }

  /** The hello did not come in time. */
  void helloLate(long millis) {
    if (!hello) {
      broke(CloseStatus.POLICY_VIOLATION, "no packets:hello within " + millis + " ms");
    }
  }

  /** Sends a websocket ping (the client's pong keeps the connection from idling out). */
  void ping() {
    session.sendFrame(new Frame(OpCode.PING), Callback.NOOP, false);
  }

  @Override
  public void onFrame(Frame frame, Callback callback) {
    byte opcode = frame.getOpCode();
    reader = Thread.currentThread();
    try {
      if (opcode == OpCode.PING) {
        pong(frame);
      } else {
        // pongs keep the connection from idling out; Jetty answers a close
        messages.frame(frame, this::deliver);
      }
    } catch (RuntimeException | StackOverflowError e) {
      LOG.debug("lane connection {} failed on a frame", id, e);
      callback.failed(e);
      return;
    } finally {
      reader = null;
    }
    callback.succeeded();
    if (opcode != OpCode.CLOSE) {
      session.demand();
    }
  }

  /** The core API leaves pings to the handler: each is answered with its payload (at most 125 bytes). */
  private void pong(Frame ping) {
    if (!budgeted(null)) {
      return;
    }
    ByteBuffer data = ping.getPayload();
    ByteBuffer copy = ByteBuffer.allocate(data == null ? 0 : data.remaining());
    if (data != null) {
      copy.put(data.duplicate()).flip();
    }
    session.sendFrame(new Frame(OpCode.PONG, copy), Callback.NOOP, false);
  }

  private void deliver(byte opcode, ByteBuffer payload) {
    if (broken) {
      return;
    }
    ByteBuffer frame = payload == null ? ByteBuffer.allocate(0) : payload;
    if (opcode == OpCode.TEXT) {
      text(StandardCharsets.UTF_8.decode(frame).toString());
    } else {
      binary(frame);
    }
  }

  /**
   * Whether a frame that is not a packet fits the connection's frame budget and its JSON ({@code null}: it has none)
   * has no number over 40 characters; else the connection is closed (1008).
   */
  private boolean budgeted(String json) {
    if (!frames.take()) {
      broke(CloseStatus.POLICY_VIOLATION, "too many frames");
      return false;
    }
    String longNumber = json == null ? null : FrameMeter.longNumber(json);
    if (longNumber != null) {
      broke(CloseStatus.POLICY_VIOLATION, longNumber);
      return false;
    }
    return true;
  }

  private void text(String message) {
    if (!budgeted(message)) {
      return;
    }
    JSONArray event;
    try {
      event = new JSONArray(message);
    } catch (JSONException e) {
      broke(CloseStatus.PROTOCOL, "a text frame is a JSON event, [\"name\", data]");
      return;
    }
    String name = event.opt(0) instanceof String s ? s : null;
    Object data = event.length() > 1 ? event.opt(1) : null;
    int ack = event.length() > 2 && event.opt(2) instanceof Number n && n.longValue() >= 1
        && n.longValue() <= Integer.MAX_VALUE ? n.intValue() : 0;
    if (name == null || event.length() > 3 || (event.length() == 3 && ack == 0)) {
      broke(CloseStatus.PROTOCOL, "a text frame is a JSON event, [\"name\", data] or [\"name\", data, ack id]");
      return;
    }
    if (!hello) {
      if (!LaneFrames.HELLO.equals(name)) {
        broke(CloseStatus.PROTOCOL, "the first frame must be packets:hello, got " + abbreviated(name));
        return;
      }
      hello = true;
      ScheduledFuture<?> deadline = helloDeadline;
      if (deadline != null) {
        deadline.cancel(false);
      }
      listener.hello(this, data);
      return;
    }
    if (LaneFrames.HELLO.equals(name)) {
      broke(CloseStatus.PROTOCOL, "a second packets:hello");
      return;
    }
    listener.event(this, name, data, ack);
  }

  private void binary(ByteBuffer frame) {
    if (!hello) {
      broke(CloseStatus.PROTOCOL, "a binary frame before packets:hello");
      return;
    }
    try {
      LaneFrames.read(frame, head);
    } catch (LaneFrames.Malformed e) {
      broke(CloseStatus.PROTOCOL, e.getMessage());
      return;
    }
    switch (head.kind) {
      case LaneFrames.PUSH, LaneFrames.SEND -> listener.packet(this, head.packetId, head.ack, bytes(frame));
      case LaneFrames.REPLY -> {
        if (!budgeted(null)) {
          return;
        }
        listener.answer(this, head.ack, new JSONArray().put(JSONObject.NULL).put(bytes(frame))
            .put(head.packetId));
      }
      case LaneFrames.VALUE, LaneFrames.ERROR -> {
        String json = StandardCharsets.UTF_8.decode(frame).toString();
        if (!budgeted(json)) {
          return;
        }
        JSONArray args;
        try {
          args = LaneFrames.answerArgs(head.kind, json);
        } catch (JSONException e) {
          broke(CloseStatus.PROTOCOL, "a malformed answer: " + e.getMessage());
          return;
        }
        listener.answer(this, head.ack, args);
      }
      default -> broke(CloseStatus.PROTOCOL, "only the server pushes with a recovery offset (PUSH_AT)");
    }
  }

  private static byte[] bytes(ByteBuffer frame) {
    byte[] out = new byte[frame.remaining()];
    frame.get(out);
    return out;
  }

  private static String abbreviated(String name) {
    return name.length() > 64 ? name.substring(0, 64) + "…" : name;
  }

  /**
   * Closes for a broken rule, telling the listener first; once: the frames the client sent before it read the close
   * are read and dropped (closing again, or not reading them, would reset the connection and lose the close).
   */
  private void broke(int code, String reason) {
    if (broken) {
      return;
    }
    broken = true;
    listener.protocolError(this, reason);
    close(code, reason);
  }

  @Override
  public synchronized void write(byte[] text, byte[] binary, Runnable written) {
    CoreWrites.write(session, text, binary, written);
  }

  @Override
  public boolean onReadThread() {
    return reader == Thread.currentThread();
  }

  @Override
  public void abort(int code, String reason) {
    session.close(code, reason, Callback.NOOP);
    session.abort();
  }

  @Override
  public void onError(Throwable cause, Callback callback) {
    LOG.debug("lane connection {} error", id, cause);
    callback.succeeded();
  }

  @Override
  public void onClosed(CloseStatus status, Callback callback) {
    open = false;
    ScheduledFuture<?> deadline = helloDeadline;
    if (deadline != null) {
      deadline.cancel(false);
    }
    if (counted) {
      lanes.closed(this);
    }
    if (hello) {
      listener.closed(this, status.getCode(), status.getReason());
    }
    callback.succeeded();
  }
}
