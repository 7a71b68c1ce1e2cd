package dev.packets.functional;

import dev.packets.PacketRegistry;
import dev.packets.fixtures.Action;
import dev.packets.fixtures.AllTypes;
import dev.packets.fixtures.Buffers;
import dev.packets.fixtures.Carriers;
import dev.packets.fixtures.Empty;
import dev.packets.fixtures.Inventory;
import dev.packets.fixtures.Lists;
import dev.packets.fixtures.Logout;
import dev.packets.fixtures.Meta;
import dev.packets.fixtures.Move;
import dev.packets.fixtures.Names;
import dev.packets.fixtures.Nested;
import dev.packets.fixtures.Player;
import dev.packets.fixtures.Renamed;
import dev.packets.fixtures.Settings;
import dev.packets.fixtures.Sorting;
import dev.packets.fixtures.Strings;
import dev.packets.fixtures.Varints;
import dev.packets.fixtures.Varuints;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The test packets and small helpers shared by the functional tests. */
final class Fixtures {
  static final PacketRegistry ALL = PacketRegistry.of(Action.class, AllTypes.class, Carriers.class, Empty.class,
      Inventory.class, Lists.class, Logout.class, Meta.class, Move.class, Names.class, Nested.class, Player.class,
      Renamed.class, Settings.class, Sorting.class, Varuints.class, Varints.class, Strings.class, Buffers.class);

  private Fixtures() {}

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  /**
   * Deep equality of JSON-like data: byte arrays by content, numbers by value (an Integer 2 equals a Long 2 and a
   * Double 2.0, as in JavaScript), maps regardless of order.
   */
  static boolean same(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      double dx = x.doubleValue();
      double dy = y.doubleValue();
      return Double.compare(dx, dy) == 0 || dx == dy;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !same(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      Iterator<?> i = x.iterator();
      Iterator<?> j = y.iterator();
      while (i.hasNext()) {
        if (!same(i.next(), j.next())) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** Two packets are the same when their dehydrated forms are (records holding byte[] compare arrays by identity). */
  static boolean samePacket(Object a, Object b) {
    return a.getClass() == b.getClass() && same(ALL.dehydrate(a), ALL.dehydrate(b));
  }
}
