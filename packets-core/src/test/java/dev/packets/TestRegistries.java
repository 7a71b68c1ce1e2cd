package dev.packets;

import dev.packets.handwritten.Action;
import dev.packets.handwritten.Chat;
import dev.packets.handwritten.Logout;
import dev.packets.handwritten.Meta;
import dev.packets.handwritten.Player;
import java.util.List;

/** The registries the tests share. */
final class TestRegistries {
  private TestRegistries() {}

  /** flecks' test registry: Action 1, Bundle 2, Logout 3, Redirect 4, Refresh 5. */
  static PacketRegistry flecks() {
    return PacketRegistry.of(Action.class, Logout.class);
  }

  /** Every hand-written packet: Action 1, Bundle 2, Chat 3, Logout 4, Meta 5, Player 6, Redirect 7, Refresh 8. */
  static PacketRegistry all() {
    return PacketRegistry.of(Action.class, Chat.class, Logout.class, Meta.class, Player.class);
  }

  /** schemapack's README player. */
  static Player player() {
    return new Player(4000, false, List.of((short) -540, (short) 343, (short) 1201), new Player.Attributes(87, 42, 22));
  }

  static final String PLAYER_HEX = "2a 16 57 a0 1f 00 03 fd e4 01 57 04 b1";

  /** {@code depth} Bundles, each holding the next, the innermost holding a Refresh. */
  static Bundle nested(int depth) {
    Bundle bundle = Bundle.of(new Refresh());
    for (int i = 1; i < depth; i++) {
      bundle = Bundle.of(bundle);
    }
    return bundle;
  }
}
