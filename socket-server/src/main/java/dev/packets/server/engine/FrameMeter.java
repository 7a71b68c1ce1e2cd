package dev.packets.server.engine;


/**
 * Meters one connection's frames before the Socket.IO library parses them (the frames of the hot path are metered
 * by the packet rate limit instead), on either transport. A frame that breaks a rule gets the reason back, and the
 * connection is closed: the library would otherwise buffer, parse or answer it without any budget.
 *
 * <ul>
 *   <li>every frame costs a token of the connection's frame budget (frames that never become events included:
 *       other namespaces, acks for unknown ids, engine.io noise);
 *   <li>one CONNECT per namespace, and at most {@value #MAX_NAMESPACES} namespaces;
 *   <li>a binary event or ack announces at most {@code maxAttachments} attachments, and binary frames come only
 *       when announced;
 *   <li>numbers in JSON have at most {@value #MAX_NUMBER_CHARS} characters (org.json would make a BigDecimal of
 *       any length, at a quadratic cost);
 *   <li>a pong answers a ping (when {@code pongsAnswerPings}: the websocket, where the pings are seen going out).
 * </ul>
 *
 * Frames arrive one at a time on a connection, so a meter is used by one thread at a time.
 */
public final class FrameMeter {
  static final int MAX_NAMESPACES = 4;
  static final int MAX_NUMBER_CHARS = 40;

  private final TokenBucket frames;
  private final int maxAttachments;
  private final boolean pongsAnswerPings;
  /** Whether the main namespace was connected to; others are rare and kept in a small array made for them. */
  private boolean main;
  private String[] others;
  private int attachmentsDue;
  private volatile boolean pingOutstanding;
  /**
   * Pongs let through without a ping seen here: one, for a ping sent over polling and answered on the websocket
   * that is taking over.
   */
  private int spare = 1;

  /**
   * @param framesPerSecond the frame budget's rate, {@code burst} its bursts
   * @param maxAttachments most binary attachments one event or ack may announce
   */
  public FrameMeter(double framesPerSecond, double burst, int maxAttachments, boolean pongsAnswerPings) {
    this.frames = new TokenBucket(framesPerSecond, burst);
    this.maxAttachments = maxAttachments;
    this.pongsAnswerPings = pongsAnswerPings;
  }

  /** The server sent engine.io's ping: one pong may come. */
  public void pingSent() {
    pingOutstanding = true;
  }

  /** A text frame (an engine.io packet: {@code 2}, {@code 3}, {@code 42[…]}, …); null, or why it breaks a rule. */
  public String text(String packet) {
    if (!frames.take()) {
      return "too many frames";
    }
    if (attachmentsDue > 0) {
      return "a text frame where " + attachmentsDue + " binary attachment(s) were announced";
    }
    if (packet.isEmpty()) {
      return null;
    }
    switch (packet.charAt(0)) {
      case '3' -> {
        if (pongsAnswerPings) {
          if (!pingOutstanding && spare-- <= 0) {
            return "a pong that answers no ping";
          }
          pingOutstanding = false;
        }
        return null;
      }
      case '4' -> {
        return message(packet);
      }
      default -> {
        return null;
      }
    }
  }

  /** A binary frame of {@code length} bytes; null, or why it breaks a rule. */
  public String binary(int length) {
    if (!frames.take()) {
      return "too many frames";
    }
    if (attachmentsDue == 0) {
      return "a binary frame that no event announced";
    }
    attachmentsDue--;
    return null;
  }

  /** A Socket.IO packet inside engine.io message {@code 4}. */
  private String message(String packet) {
    if (packet.length() < 2) {
      return null;
    }
    char type = packet.charAt(1);
    if (type == '0') {
      String namespace = namespace(packet, 2);
      if (namespace.equals("/")) {
        if (main) {
          return "a second CONNECT to namespace /";
        }
        main = true;
        return null;
      }
      if (others == null) {
        others = new String[MAX_NAMESPACES - 1];
      }
      for (int i = 0; i < others.length; i++) {
        if (others[i] == null) {
          others[i] = namespace;
          return null;
        }
        if (others[i].equals(namespace)) {
          return "a second CONNECT to namespace " + namespace;
        }
      }
      return "CONNECT to more than " + MAX_NAMESPACES + " namespaces";
    }
    if (type == '5' || type == '6') {
      int count = 0;
      int i = 2;
      for (; i < packet.length() && i < 12 && Character.isDigit(packet.charAt(i)); i++) {
        count = count * 10 + (packet.charAt(i) - '0');
      }
      if (i >= packet.length() || packet.charAt(i) != '-') {
        return "a binary packet without its attachment count";
      }
      if (count > maxAttachments) {
        return "an event announcing " + count + " attachments (at most " + maxAttachments + ")";
      }
      attachmentsDue = count;
    }
    return type == '2' || type == '3' || type == '5' || type == '6' ? longNumber(packet) : null;
  }

  /** The namespace a Socket.IO packet names at {@code from} ({@code /chat,…}), or "/". */
  private static String namespace(String packet, int from) {
    if (from >= packet.length() || packet.charAt(from) != '/') {
      return "/";
    }
    int comma = packet.indexOf(',', from);
    String name = comma < 0 ? packet.substring(from) : packet.substring(from, comma);
    return name.length() > 64 ? name.substring(0, 64) : name;
  }

  /** Null, or the reason when a number outside the JSON strings runs over {@link #MAX_NUMBER_CHARS}. */
  static String longNumber(String json) {
    boolean inString = false;
    int run = 0;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        run = 0;
      } else if (c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
        if (++run > MAX_NUMBER_CHARS) {
          return "a number of more than " + MAX_NUMBER_CHARS + " characters";
        }
      } else {
        run = 0;
      }
    }
    return null;
  }
}
