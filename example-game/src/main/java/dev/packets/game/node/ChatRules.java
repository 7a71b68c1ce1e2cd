package dev.packets.game.node;

import dev.packets.game.wire.Chat;
import dev.packets.server.PacketSocket;
import dev.packets.socketio.PacketError;
import java.util.Map;

/**
 * What a chat line may be: at most {@value #MAX_TEXT} characters; metadata of at most {@value #MAX_META_ENTRIES}
 * entries, each a key of at most {@value #MAX_META_KEY} characters and a string of at most {@value
 * #MAX_META_STRING} characters, a number or a boolean; and at most {@value #BURST} lines at once, then one every
 * {@value #INTERVAL_MILLIS} ms per player (a generic cell rate: the socket keeps when its next line is due).
 */
final class ChatRules {
  static final int MAX_TEXT = 200;
  static final int MAX_META_ENTRIES = 8;
  static final int MAX_META_KEY = 16;
  static final int MAX_META_STRING = 64;
  static final int BURST = 5;
  static final long INTERVAL_MILLIS = 1000;
  /** When the player's next line is due, by the cell rate (epoch ms); moves with the session. */
  private static final PacketSocket.Key<Long> DUE = new PacketSocket.Key<>("chat-due", Long.class);

  private ChatRules() {}

  /** Refuses a line that breaks a rule, with its code; otherwise spends one of the player's lines. */
  static void check(Chat chat, PacketSocket socket, long now) throws PacketError {
    if (chat.text().isBlank()) {
      throw new PacketError(422, "Chat.text is empty");
    }
    if (chat.text().length() > MAX_TEXT) {
      throw new PacketError(413, "Chat.text of " + chat.text().length() + " characters (at most " + MAX_TEXT + ")");
    }
    Map<String, Object> meta = chat.meta();
    if (meta != null) {
      if (meta.size() > MAX_META_ENTRIES) {
        throw new PacketError(413, "Chat.meta of " + meta.size() + " entries (at most " + MAX_META_ENTRIES + ")");
      }
      for (Map.Entry<String, Object> e : meta.entrySet()) {
        String key = String.valueOf(e.getKey());
        if (key.length() > MAX_META_KEY) {
          throw new PacketError(413, "Chat.meta key '" + key.substring(0, MAX_META_KEY) + "…' of " + key.length()
              + " characters (at most " + MAX_META_KEY + ")");
        }
        Object value = e.getValue();
        if (value instanceof String s) {
          if (s.length() > MAX_META_STRING) {
            throw new PacketError(413, "Chat.meta." + key + " of " + s.length() + " characters (at most "
                + MAX_META_STRING + ")");
          }
        } else if (!(value instanceof Number || value instanceof Boolean)) {
          throw new PacketError(422, "Chat.meta." + key + " is a " + (value == null ? "null"
              : value.getClass().getSimpleName()) + " (a string, a number or a boolean)");
        }
      }
    }
    Long due = socket.get(DUE);
    long tat = due == null ? now : Math.max(due, now);
    if (tat - now > (BURST - 1) * INTERVAL_MILLIS) {
      throw new PacketError(429, "chat: at most " + BURST + " lines at once, then one a second (next in "
          + (tat - now - (BURST - 1) * INTERVAL_MILLIS) + " ms)");
    }
    socket.set(DUE, tat + INTERVAL_MILLIS);
  }
}
