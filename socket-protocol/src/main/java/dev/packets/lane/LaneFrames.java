package dev.packets.lane;

import dev.packets.socketio.PacketError;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * The packets lane: packets over a plain websocket at {@value #PATH} with subprotocol {@value #SUBPROTOCOL}, one
 * binary frame per packet and one per answer. This class is the one home of its frame shapes, for server and
 * client alike (packets-js writes the same bytes; docs/wire-format.md documents them).
 *
 * <p>A binary frame is a kind byte, then varuints (LEB128: 7 bits a byte, least significant group first, at most 5
 * bytes, no more than needed), then the body:
 *
 * <pre>
 * 01 05 &lt;payload&gt;                 PUSH    packet 5, no answer wanted                    {@link #push}
 * 02 11 05 &lt;payload&gt;              SEND    packet 5, answer wanted under ack 17           {@link #send}
 * 03 11 05 &lt;payload&gt;              REPLY   ack 17 answered with packet 5                  {@link #reply}
 * 04 11 22 6f 6b 22                VALUE   ack 17 answered with the JSON value "ok"       {@link #value}
 * 05 11 7b 22 63 6f 64 65 …        ERROR   ack 17 refused: {"code":422,"reason":"…"}      {@link #error}
 * 06 08 63 6b 32 … 05 &lt;payload&gt;    PUSH_AT packet 5 pushed with its recovery offset       {@link #pushAt}
 *                                          (a length byte, 1..255, and that many ASCII bytes)
 * </pre>
 *
 * A text frame is a JSON event, as rare as a connection: {@code ["packets:hello",{"auth":…}]} (the client's first
 * frame), {@code ["packets:ready",{"fingerprint":…,"id":…}]}, {@code ["packets:refused",{code, reason}]}, {@code
 * ["packets:close",{"reason":…}]}, and {@code ["packets:reauthenticate",{…},7]} whose last element is the ack id
 * the answer (a VALUE or ERROR frame) carries. Ack ids are 1..2^31-1, each side numbering its own sends; packet ids
 * are 1..65535. Pings are websocket ping frames, answered by pongs.
 */
public final class LaneFrames {
  /** The path the lane's websocket upgrades on. */
  public static final String PATH = "/packets/lane";
  /** The websocket subprotocol a lane client asks for (a later incompatible lane gets another). */
  public static final String SUBPROTOCOL = "packets.1";

  public static final byte PUSH = 1;
  public static final byte SEND = 2;
  public static final byte REPLY = 3;
  public static final byte VALUE = 4;
  public static final byte ERROR = 5;
  public static final byte PUSH_AT = 6;

  /** The largest packet id a frame may carry. */
  public static final int MAX_PACKET_ID = 0xffff;
  /** The event a lane client opens with. */
  public static final String HELLO = "packets:hello";

  private LaneFrames() {}

  // ---- writing

  /** {@code 01 <id> <payload>}: a packet, no answer wanted. */
  public static byte[] push(int packetId, byte[] payload) {
    return frame(PUSH, -1, packetId, payload);
  }

  /** {@code 02 <ack> <id> <payload>}: a packet whose answer comes back under {@code ack}. */
  public static byte[] send(int ack, int packetId, byte[] payload) {
    return frame(SEND, ack, packetId, payload);
  }

  /** {@code 03 <ack> <id> <payload>}: ack {@code ack} answered with a packet. */
  public static byte[] reply(int ack, int packetId, byte[] payload) {
    return frame(REPLY, ack, packetId, payload);
  }

  /** {@code 04 <ack> <JSON>}: ack {@code ack} answered with a JSON value, already written ({@code null} too). */
  public static byte[] value(int ack, String json) {
    return jsonFrame(VALUE, ack, json);
  }

  /** {@code 05 <ack> {"code":…,"reason":…}}: ack {@code ack} refused. */
  public static byte[] error(int ack, PacketError error) {
    return jsonFrame(ERROR, ack, "{\"code\":" + error.code() + ",\"reason\":" + JSONObject.quote(error.reason()) + "}");
  }

  /** {@code 06 <length> <offset> <id> <payload>}: a push that carries its recovery offset (1..255 ASCII bytes). */
  public static byte[] pushAt(String offset, int packetId, byte[] payload) {
    byte[] text = offset.getBytes(StandardCharsets.US_ASCII);
    if (text.length == 0 || text.length > 255) {
      throw new IllegalArgumentException("a recovery offset is 1..255 bytes, got " + text.length);
    }
    byte[] out = new byte[2 + text.length + size(packetId) + payload.length];
    out[0] = PUSH_AT;
    out[1] = (byte) text.length;
    System.arraycopy(text, 0, out, 2, text.length);
    int at = put(out, 2 + text.length, packetId);
    System.arraycopy(payload, 0, out, at, payload.length);
    return out;
  }

  /** A JSON event: {@code ["packets:ready",{…}]}. */
  public static String event(String name, Object json) {
    return "[" + JSONObject.quote(name) + "," + json + "]";
  }

  /** A JSON event whose answer comes back under {@code ack}: {@code ["packets:reauthenticate",{…},7]}. */
  public static String event(int ack, String name, Object json) {
    return "[" + JSONObject.quote(name) + "," + json + "," + ack + "]";
  }

  private static byte[] frame(byte kind, int ack, int packetId, byte[] payload) {
    checkPacketId(packetId);
    int head = 1 + (ack < 0 ? 0 : size(ack)) + size(packetId);
    byte[] out = new byte[head + payload.length];
    out[0] = kind;
    int at = 1;
    if (ack >= 0) {
      at = put(out, at, checkAck(ack));
    }
    at = put(out, at, packetId);
    System.arraycopy(payload, 0, out, at, payload.length);
    return out;
  }

  private static byte[] jsonFrame(byte kind, int ack, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[1 + size(checkAck(ack)) + body.length];
    out[0] = kind;
    int at = put(out, 1, ack);
    System.arraycopy(body, 0, out, at, body.length);
    return out;
  }

  private static int checkAck(int ack) {
    if (ack < 1) {
      throw new IllegalArgumentException("an ack id is 1..2^31-1, got " + ack);
    }
    return ack;
  }

  private static void checkPacketId(int id) {
    if (id < 1 || id > MAX_PACKET_ID) {
      throw new IllegalArgumentException("a packet id is 1.." + MAX_PACKET_ID + ", got " + id);
    }
  }

  /** The bytes of {@code value} as a varuint. */
  static int size(int value) {
    int n = 1;
    while ((value >>>= 7) != 0) {
      n++;
    }
    return n;
  }

  private static int put(byte[] out, int at, int value) {
    while ((value & ~0x7f) != 0) {
      out[at++] = (byte) (value & 0x7f | 0x80);
      value >>>= 7;
    }
    out[at++] = (byte) value;
    return at;
  }

  // ---- reading

  /**
   * A frame's head as {@link #read} found it; one per connection, reused for each frame (its reader is one thread).
   * {@code ack} is 0 for a PUSH, {@code packetId} 0 for VALUE and ERROR, {@code offset} null but for PUSH_AT.
   */
  public static final class Head {
    public byte kind;
    public int ack;
    public int packetId;
    public String offset;
  }

  /** A frame that breaks the lane's rules: the connection that sent it is closed (1002) with this message. */
  public static final class Malformed extends RuntimeException {
    public Malformed(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Reads a binary frame's head into {@code head}, leaving {@code frame}'s position at the body (the payload, or the
   * JSON of a VALUE or ERROR).
   *
   * @throws Malformed for an empty frame, an unknown kind, a varuint that is too long or not minimal, an ack id of
   *     0, a packet id of 0 or over {@value #MAX_PACKET_ID}, or a frame that ends inside its head
   */
  public static void read(ByteBuffer frame, Head head) {
    if (!frame.hasRemaining()) {
      throw new Malformed("an empty binary frame");
    }
    byte kind = frame.get();
    head.kind = kind;
    head.ack = 0;
    head.packetId = 0;
    head.offset = null;
    switch (kind) {
      case PUSH -> head.packetId = packetId(frame);
      case SEND, REPLY -> {
        head.ack = ack(frame);
        head.packetId = packetId(frame);
      }
      case VALUE, ERROR -> head.ack = ack(frame);
      case PUSH_AT -> {
        int length = frame.hasRemaining() ? frame.get() & 0xff : 0;
        if (length == 0 || frame.remaining() < length) {
          throw new Malformed("a PUSH_AT frame's offset of " + length + " bytes does not fit in it");
        }
        byte[] text = new byte[length];
        frame.get(text);
        for (byte b : text) {
          if (b < 0x20 || b > 0x7e) {
            throw new Malformed("a PUSH_AT frame's offset is printable ASCII, not byte " + (b & 0xff));
          }
        }
        head.offset = new String(text, StandardCharsets.US_ASCII);
        head.packetId = packetId(frame);
      }
      default -> throw new Malformed("unknown frame kind " + (kind & 0xff) + " (the lane's kinds are 1..6)");
    }
  }

  private static int ack(ByteBuffer frame) {
    long ack = varuint(frame, "ack id");
    if (ack < 1 || ack > Integer.MAX_VALUE) {
      throw new Malformed("ack id " + ack + " is outside 1..2^31-1");
    }
    return (int) ack;
  }

  private static int packetId(ByteBuffer frame) {
    long id = varuint(frame, "packet id");
    if (id < 1 || id > MAX_PACKET_ID) {
      throw new Malformed("packet id " + id + " is outside 1.." + MAX_PACKET_ID);
    }
    return (int) id;
  }

  private static long varuint(ByteBuffer frame, String what) {
    long value = 0;
    for (int i = 0; i < 5; i++) {
      if (!frame.hasRemaining()) {
        throw new Malformed("the frame ends inside its " + what);
      }
      int b = frame.get() & 0xff;
      if (i > 0 && b == 0) {
        throw new Malformed("the " + what + " is not written in its fewest bytes");
      }
      value |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new Malformed("the " + what + " is longer than 5 bytes");
  }

  /**
   * An answer frame's body as the ack arguments both lanes share ({@code [null, value]}, {@code [{code, reason}]}),
   * for {@link dev.packets.socketio.Frames#answer}; the caller puts a REPLY's {@code [null, payload, id]} itself.
   *
   * @throws org.json.JSONException for a body that is not JSON
   */
  public static JSONArray answerArgs(byte kind, String json) {
    JSONTokener tokens = new JSONTokener(json);
    Object value = tokens.nextValue();
    if (tokens.more()) {
      throw new JSONException("an answer is one JSON value, and more follows it");
    }
    if (kind == ERROR) {
      if (!(value instanceof JSONObject error)) {
        throw new JSONException("an ERROR frame's body is {\"code\":…,\"reason\":…}");
      }
      return new JSONArray().put(error);
    }
    return new JSONArray().put(JSONObject.NULL).put(value);
  }
}
