package dev.packets.server;

import dev.packets.socketio.PacketError;
import dev.packets.Packet;
import dev.packets.PacketRegistry;
import dev.packets.Int64;
import dev.packets.UInt16;
import dev.packets.VarUint;
import dev.packets.VarUint64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The packets the server tests speak. */
final class TestPackets {
  private TestPackets() {}

  @Packet
  record Move(@VarUint int entity, float x, float y) {}

  @Packet
  record Echo(String text) {}

  @Packet
  record Ping() {}

  /** Every wire type (int64, an extension, too), for the JavaScript client's round trips. */
  @Packet
  record AllTypes(boolean b, byte i8, @dev.packets.UInt8 int u8, short i16, @dev.packets.UInt16 int u16, int i32,
      @dev.packets.UInt32 long u32, @dev.packets.Int64 long i64, float f32, double f64, @dev.packets.VarInt int vi,
      @VarUint int vu, String s, byte[] buf, java.util.List<Echo> echoes, Move move, @dev.packets.Packed Object meta) {}

  /** What an account is. */
  enum Kind { PLAYER, BOT, ADMIN }

  /**
   * A long id, an optional field, an enum and a map, the extension types real schemas need all at once (issue 12's
   * "done when"): typed in Java here and in TypeScript by /packets/packets.d.ts.
   */
  @Packet
  record Account(@Int64 long id, @Nullable String nick, Kind kind, Map<String, @UInt16 Integer> stats,
      Optional<@VarUint64 Long> since) {}

  static final PacketRegistry REGISTRY = PacketRegistry.of(Move.class, Echo.class, Ping.class, AllTypes.class,
      Account.class);

  static String fmt(float f) {
    return f == Math.rint(f) ? String.valueOf((int) f) : String.valueOf(f);
  }

  /** A server that answers Move with text, Echo with an upper-cased Echo, and Ping with a push to the sender. */
  static ServerBuilder server() {
    return PacketServer.builder()
        .host("127.0.0.1")
        .port(0)
        .packets(REGISTRY)
        .accept(Move.class, new Acceptor<Move>() {
          @Override
          public void validate(Move move, PacketSocket socket) throws PacketError {
            if (move.entity() == 0) {
              throw new PacketError(422, "entity 0 is reserved");
            }
          }

          @Override
          public Object respond(Move move, PacketSocket socket) {
            return "moved " + move.entity() + " to " + fmt(move.x()) + "," + fmt(move.y());
          }
        })
        .accept(Echo.class, Acceptor.responding((echo, socket) -> new Echo(echo.text().toUpperCase())))
        .accept(Ping.class, Acceptor.responding((ping, socket) -> socket.send(new Echo("pushed"))))
        .accept(AllTypes.class, Acceptor.responding((all, socket) -> all))
        // promotes the account: the kind, a stat and the optional fields change, so both directions are checked
        .accept(Account.class, Acceptor.responding((a, socket) -> new Account(a.id() + 1,
            a.nick() == null ? null : a.nick().toUpperCase(Locale.ROOT), Kind.ADMIN, promoted(a.stats()),
            a.since().map(s -> s + 1))));
  }

  private static Map<String, Integer> promoted(Map<String, Integer> stats) {
    Map<String, Integer> out = new LinkedHashMap<>(stats);
    out.merge("level", 1, Integer::sum);
    return out;
  }
}
