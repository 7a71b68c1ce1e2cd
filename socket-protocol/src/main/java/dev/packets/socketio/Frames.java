package dev.packets.socketio;

import dev.packets.PacketRegistry;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The Socket.IO v5 frames that packets write and read by hand, on the main namespace, with engine.io's message
 * type {@code 4} in front: the one home of their shapes, for server and client alike.
 *
 * <pre>
 * 451-17["3",{"_placeholder":true,"num":0}]          send: packet id 3 as attachment 0, ack 17 wanted   {@link #send}
 * 451-["3",{"_placeholder":true,"num":0}]            push: no ack wanted                                 {@link #push}
 * 451-["3",{"_placeholder":true,"num":0},"ck2x1ab4"] push with its recovery offset                      {@link #push(int, String)}
 * 461-17[null,{"_placeholder":true,"num":0},3]       ack 17 answered with packet 3 (attachment follows)  {@link #packetAck}
 * 4317[null,"moved"]                                 ack 17 answered with JSON                           {@link #jsonAck}
 * 4317[{"code":422,"reason":"entity 0 is reserved"}] ack 17 refused                                      {@link #errorAck}
 * 42["packets:ready",{"fingerprint":"…"}]            a JSON event                                        {@link #event}
 * 40{"token":"…"} / 41                               connect with auth / disconnect                      {@link #connect}
 * 40{"pid":"…","offset":"ck2x1ab4","token":"…"}      connect again, asking to recover a session          {@link #connect}
 * 0{"sid":"…","pid":"…"}                             connected (a Socket.IO packet, no engine.io type)   {@link #connected}
 * </pre>
 *
 * {@link #parseSend} reads a send: the event must be 1 to 5 digits (a packet id, quoted or not) and the ack id at
 * most 9 digits; anything else (another namespace, more attachments, other arguments, spaces) is not matched and
 * goes to the Socket.IO library's own parser. {@link #ackId} reads the id of an ack.
 */
public final class Frames {
  private static final String BINARY_EVENT = "451-";
  private static final String BINARY_ACK = "461-";
  private static final String ACK = "43";
  /** Socket.IO's stand-in for attachment 0 in a binary frame's JSON. */
  public static final String PLACEHOLDER_JSON = "{\"_placeholder\":true,\"num\":0}";
  private static final String PLACEHOLDER = "," + PLACEHOLDER_JSON + "]";
  /** Disconnect from the main namespace. */
  public static final String DISCONNECT = "41";
  /** {@link #parseSend}'s and {@link #ackId}'s answer for a frame that is not of their shape. */
  public static final long NO = -1;

  private Frames() {}

  // ---- writing

  /** A packet sent with ack {@code ackId} wanted: {@code 451-17["5",{"_placeholder":true,"num":0}]}. */
  public static String send(int ackId, int packetId) {
    return BINARY_EVENT + ackId + "[\"" + packetId + "\"" + PLACEHOLDER;
  }

  /** A packet pushed with no ack wanted: {@code 451-["5",{"_placeholder":true,"num":0}]}. */
  public static String push(int packetId) {
    return BINARY_EVENT + "[\"" + packetId + "\"" + PLACEHOLDER;
  }

  /**
   * A packet pushed with no ack wanted, carrying its recovery offset as the last argument (Socket.IO's connection
   * state recovery: the client remembers the last offset it saw and names it when it comes back):
   * {@code 451-["5",{"_placeholder":true,"num":0},"ck2x1ab4"]}.
   */
  public static String push(int packetId, String offset) {
    return BINARY_EVENT + "[\"" + packetId + "\"," + PLACEHOLDER_JSON + ",\"" + offset + "\"]";
  }

  /**
   * The Socket.IO packet (no engine.io type in front) that answers a connect to the main namespace, with the
   * session's private id when sessions can be recovered: {@code 0{"sid":"…","pid":"…"}}.
   */
  public static String connected(String sid, String pid) {
    JSONObject data = new JSONObject().put("sid", sid);
    if (pid != null) {
      data.put("pid", pid);
    }
    return "0" + data;
  }

  /** An ack whose response is a packet: {@code 461-17[null,{"_placeholder":true,"num":0},5]}. */
  public static String packetAck(int ackId, int packetId) {
    return BINARY_ACK + ackId + "[null," + PLACEHOLDER_JSON + "," + packetId + "]";
  }

  /** An ack whose response is a JSON value, already written: {@code 4317[null,"moved"]}. */
  public static String jsonAck(int ackId, String json) {
    return ACK + ackId + "[null," + json + "]";
  }

  /** An ack whose arguments are already written as a JSON array: {@code 4317[null,"moved"]}. */
  public static String ackOf(int ackId, String jsonArray) {
    return ACK + ackId + jsonArray;
  }

  /** An ack that refuses: {@code 4317[{"code":422,"reason":"entity 0 is reserved"}]}. */
  public static String errorAck(int ackId, PacketError error) {
    return ACK + ackId + "[{\"code\":" + error.code() + ",\"reason\":" + JSONObject.quote(error.reason()) + "}]";
  }

  /** An error as its JSON answer, {@code {"code":422,"reason":"…"}}. */
  public static JSONObject errorJson(PacketError error) {
    return new JSONObject().put("code", error.code()).put("reason", error.reason());
  }

  /** A JSON event on the main namespace: {@code 42["packets:ready",{"fingerprint":"…"}]}. */
  public static String event(String name, Object json) {
    return "42[" + JSONObject.quote(name) + "," + json + "]";
  }

  /**
   * A JSON event that asks for an answer: {@code 427["packets:reauthenticate",{"token":"…"}]}, answered {@code
   * 437[null,{"session":…}]} or {@code 437[{"code":401,"reason":"…"}]}.
   */
  public static String event(int ackId, String name, Object json) {
    return "42" + ackId + "[" + JSONObject.quote(name) + "," + json + "]";
  }

  /** Connect to the main namespace, with auth data or none: {@code 40} or {@code 40{"token":"…"}}. */
  public static String connect(Object authJson) {
    return authJson == null ? "40" : "40" + authJson;
  }

  // ---- reading

  /** An event's or ack's arguments with attachment 0 in place of its placeholder, {@code {"_placeholder":true}}. */
  public static JSONArray withAttachment(JSONArray args, byte[] attachment) {
    for (int i = 0; i < args.length(); i++) {
      if (args.opt(i) instanceof JSONObject o && o.optBoolean("_placeholder")) {
        args.put(i, attachment);
      }
    }
    return args;
  }

  /**
   * What an ack's arguments answer: {@code [null, value]} a JSON-like value, {@code [null, <payload>, id]} the
   * packet, {@code [{code, reason}]} a refusal, thrown as the {@link PacketError}; what a server and a client read
   * alike.
   */
  public static Object answer(JSONArray args, PacketRegistry registry) {
    Object first = args.length() > 0 ? args.opt(0) : null;
    if (first instanceof JSONObject error) {
      throw new PacketError(error.optInt("code", 500), error.optString("reason", "error"));
    }
    if (args.length() >= 3 && args.opt(1) instanceof byte[] payload && args.opt(2) instanceof Number id) {
      return registry.decode(id.intValue(), payload);
    }
    return args.length() > 1 ? JsonBridge.toJava(args.opt(1), 0) : null;
  }

  /**
   * Parses a send ({@code 451-17["3",…]}): returns {@link #NO}, or the event's digits as a number in the high 32
   * bits and the ack id plus one (0: no ack) in the low 32 bits.
   */
  public static long parseSend(String frame) {
    int n = frame.length();
    if (n < BINARY_EVENT.length() + 2 + PLACEHOLDER.length() || !frame.startsWith(BINARY_EVENT)) {
      return NO;
    }
    int i = BINARY_EVENT.length();
    long ack = 0;
    int ackDigits = 0;
    char c;
    while (i < n && (c = frame.charAt(i)) >= '0' && c <= '9') {
      if (++ackDigits > 9) {
        return NO;
      }
      ack = ack * 10 + (c - '0');
      i++;
    }
    if (ackDigits > 1 && frame.charAt(BINARY_EVENT.length()) == '0') {
      return NO;
    }
    if (i >= n || frame.charAt(i++) != '[') {
      return NO;
    }
    boolean quoted = i < n && frame.charAt(i) == '"';
    if (quoted) {
      i++;
    }
    int start = i;
    long event = 0;
    while (i < n && (c = frame.charAt(i)) >= '0' && c <= '9') {
      event = event * 10 + (c - '0');
      i++;
    }
    int digits = i - start;
    if (digits == 0 || digits > 5 || (digits > 1 && frame.charAt(start) == '0')) {
      return NO;
    }
    if (quoted && (i >= n || frame.charAt(i++) != '"')) {
      return NO;
    }
    if (n - i != PLACEHOLDER.length() || !frame.startsWith(PLACEHOLDER, i)) {
      return NO;
    }
    return event << 32 | (ackDigits == 0 ? 0 : ack + 1);
  }

  /** The packet id (the event's digits) of a parsed send. */
  public static int packetId(long send) {
    return (int) (send >>> 32);
  }

  /** The ack id of a parsed send, or -1 when the sender wants no ack. */
  public static int ackWanted(long send) {
    return (int) (send & 0xffffffffL) - 1;
  }

  /**
   * Reads an ack ({@code 43<id>[…]} or {@code 461-<id>[…]}, at most 9 digits): {@link #NO}, or the id in the low
   * 32 bits, bit 32 set when it is binary (its attachment follows), and the offset of its arguments' {@code [} in
   * bits 33 and up.
   */
  public static long ackId(String frame) {
    int at;
    boolean binary;
    if (frame.startsWith(ACK)) {
      at = ACK.length();
      binary = false;
    } else if (frame.startsWith(BINARY_ACK)) {
      at = BINARY_ACK.length();
      binary = true;
    } else {
      return NO;
    }
    int id = 0;
    int digits = 0;
    while (at < frame.length() && frame.charAt(at) >= '0' && frame.charAt(at) <= '9' && digits < 9) {
      id = id * 10 + (frame.charAt(at++) - '0');
      digits++;
    }
    if (digits == 0 || at >= frame.length() || frame.charAt(at) != '[') {
      return NO;
    }
    return (long) at << 33 | (binary ? 1L << 32 : 0) | id;
  }

  /** The id of an ack that {@link #ackId} read. */
  public static int id(long ack) {
    return (int) (ack & 0xffffffffL);
  }

  /** Whether an ack that {@link #ackId} read is binary (its attachment comes next). */
  public static boolean binary(long ack) {
    return (ack & 1L << 32) != 0;
  }

  /** Where the arguments ({@code [}) of an ack that {@link #ackId} read begin. */
  public static int arguments(long ack) {
    return (int) (ack >>> 33);
  }
}
