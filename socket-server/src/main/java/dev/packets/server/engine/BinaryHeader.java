package dev.packets.server.engine;

/**
 * The frames of the hot path, read and written here only: the header of a Socket.IO binary event on the main
 * namespace with exactly one attachment, as engine.io message {@code 4} wraps it,
 *
 * <pre>
 * 451-17["3",{"_placeholder":true,"num":0}]     event "3", ack id 17
 * 451-[3,{"_placeholder":true,"num":0}]          event "3" (a number in the JSON), no ack wanted
 * </pre>
 *
 * The event must be 1 to 5 digits (a packet id) and the ack id at most 9 digits; anything else (another namespace,
 * more attachments, other arguments, spaces) is not matched and goes to the Socket.IO library's own parser.
 */
public final class BinaryHeader {
  private static final String PREFIX = "451-";
  /** Socket.IO's stand-in for attachment 0 in a binary event's JSON. */
  public static final String PLACEHOLDER_JSON = "{\"_placeholder\":true,\"num\":0}";
  private static final String PLACEHOLDER = "," + PLACEHOLDER_JSON + "]";
  /** {@link #parse}'s answer for a frame that is not such a header. */
  static final long NO = -1;

  private BinaryHeader() {}

  /**
   * Parses {@code frame}: returns {@link #NO}, or the event's digits as a number in the high 32 bits and the ack id
   * plus one (0: no ack) in the low 32 bits.
   */
  static long parse(String frame) {
    int n = frame.length();
    if (n < PREFIX.length() + 2 + PLACEHOLDER.length() || !frame.startsWith(PREFIX)) {
      return NO;
    }
    int i = PREFIX.length();
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
    if (ackDigits > 0 && frame.charAt(PREFIX.length()) == '0' && ackDigits > 1) {
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

  /** The packet id (the event's digits) of a parsed header. */
  static int event(long header) {
    return (int) (header >>> 32);
  }

  /** The ack id of a parsed header, or -1 when the sender wants no ack. */
  static int ackId(long header) {
    return (int) (header & 0xffffffffL) - 1;
  }

  /** The header of a packet pushed to a client, with no ack wanted: {@code 451-["5",{"_placeholder":true,"num":0}]}. */
  public static String push(int packetId) {
    return PREFIX + "[\"" + packetId + "\"" + PLACEHOLDER;
  }

  /** The header of an ack whose response is a packet: {@code 461-17[null,{"_placeholder":true,"num":0},5]}. */
  public static String packetAck(int ackId, int packetId) {
    return "461-" + ackId + "[null," + PLACEHOLDER_JSON + "," + packetId + "]";
  }
}
