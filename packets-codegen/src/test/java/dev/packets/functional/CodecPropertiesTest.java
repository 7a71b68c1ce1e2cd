package dev.packets.functional;

import static dev.packets.functional.Fixtures.ALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.DecodeException;
import dev.packets.fixtures.AllTypes;
import dev.packets.fixtures.Inventory;
import dev.packets.fixtures.Meta;
import dev.packets.fixtures.Nested;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * decode inverts encode for generated records; prefixes and random bytes fail only with DecodeException. Values come
 * from seeded generators (the seed is in every failure message), so a failing case replays exactly.
 */
class CodecPropertiesTest {
  private static final long SEED = 20261129L;

  /** Runs {@code tries} checks of values from {@code generate}, each try seeded on its own. */
  private static void forAll(int tries, java.util.function.Function<Random, Object> generate,
      java.util.function.Consumer<Object> check) {
    for (int i = 0; i < tries; i++) {
      long seed = SEED + i;
      Object value = generate.apply(new Random(seed));
      try {
        check.accept(value);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed " + seed + ": " + value, e);
      }
    }
  }

  @Test
  void allTypesRoundTrip() {
    forAll(300, CodecPropertiesTest::allTypes, CodecPropertiesTest::roundTrip);
  }

  @Test
  void inventoriesRoundTrip() {
    forAll(200, CodecPropertiesTest::inventory, CodecPropertiesTest::roundTrip);
  }

  @Test
  void nestedRoundTrip() {
    forAll(200, CodecPropertiesTest::nested, CodecPropertiesTest::roundTrip);
  }

  @Test
  void packedRoundTrip() {
    forAll(200, r -> new Meta(7, packed(r)), CodecPropertiesTest::roundTrip);
  }

  @Test
  void randomBytesFailOnlyWithDecodeException() {
    forAll(500, r -> new Object[] {bytes(r, 64), r.nextInt(21)}, pair -> {
      byte[] bytes = (byte[]) ((Object[]) pair)[0];
      int id = (int) ((Object[]) pair)[1];
      try {
        Object packet = ALL.decode(id, bytes);
        assertTrue(ALL.contains(packet.getClass()));
      } catch (DecodeException expected) {
        assertTrue(expected.getMessage().contains(" at byte "), expected.getMessage());
      }
    });
  }

  private static void roundTrip(Object value) {
    byte[] bytes = ALL.encode(value);
    assertEquals(bytes.length, ALL.measure(value));
    int id = ALL.id(value.getClass());
    Object back = ALL.decode(id, bytes);
    assertTrue(Fixtures.samePacket(value, back), () -> value + " came back as " + back);
    assertTrue(Fixtures.samePacket(value, ALL.hydrate(ALL.dehydrate(value))));
    for (int cut = 0; cut < bytes.length; cut++) {
      byte[] prefix = Arrays.copyOf(bytes, cut);
      assertThrows(DecodeException.class, () -> ALL.decode(id, prefix), () -> "prefix " + Fixtures.hex(prefix));
    }
  }

  // ---- generators: edges (MIN, 0, MAX) often, else uniform

  private static int between(Random r, int min, int max) {
    return switch (r.nextInt(8)) {
      case 0 -> min;
      case 1 -> max;
      case 2 -> Math.max(min, Math.min(max, 0));
      default -> (int) (min + (long) (r.nextDouble() * ((long) max - min + 1)));
    };
  }

  private static long between(Random r, long min, long max) {
    return switch (r.nextInt(8)) {
      case 0 -> min;
      case 1 -> max;
      default -> min + (long) (r.nextDouble() * (max - min));
    };
  }

  private static float anyFloat(Random r) {
    float[] edges = {0f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY};
    return r.nextInt(6) == 0 ? edges[r.nextInt(edges.length)] : Float.intBitsToFloat(r.nextInt());
  }

  private static double anyDouble(Random r) {
    double[] edges = {0d, -0d, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.NEGATIVE_INFINITY};
    return r.nextInt(6) == 0 ? edges[r.nextInt(edges.length)] : Double.longBitsToDouble(r.nextLong());
  }

  /** Valid Unicode of up to {@code max} code points: ASCII, other BMP characters and supplementary ones. */
  private static String string(Random r, int max) {
    int n = r.nextInt(max + 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(4);
      int cp = kind < 2 ? 32 + r.nextInt(95) : kind == 2 ? 0x80 + r.nextInt(0xD800 - 0x80)
          : 0x10000 + r.nextInt(0x10FFFF - 0x10000);
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  private static byte[] bytes(Random r, int max) {
    byte[] b = new byte[r.nextInt(max + 1)];
    r.nextBytes(b);
    return b;
  }

  private static <T> List<T> list(Random r, int max, Supplier<T> item) {
    int n = r.nextInt(max + 1);
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(item.get());
    }
    return out;
  }

  private static AllTypes allTypes(Random r) {
    return new AllTypes(r.nextBoolean(), (byte) between(r, Byte.MIN_VALUE, Byte.MAX_VALUE), between(r, 0, 255),
        (short) between(r, Short.MIN_VALUE, Short.MAX_VALUE), between(r, 0, 65535),
        between(r, Integer.MIN_VALUE, Integer.MAX_VALUE), between(r, 0L, 0xFFFF_FFFFL), anyFloat(r), anyDouble(r),
        between(r, -(1 << 30), (1 << 30) - 1), between(r, 0, Integer.MAX_VALUE), string(r, 200), bytes(r, 300));
  }

  private static Inventory inventory(Random r) {
    return new Inventory(list(r, 20, () -> new Inventory.Item(between(r, 0, Integer.MAX_VALUE), string(r, 20),
        new Inventory.Pos(between(r, -32768, 32767), between(r, -32768, 32767)))), between(r, 0, 255));
  }

  private static Nested nested(Random r) {
    Nested.Deep deep = new Nested.Deep(r.nextBoolean(), between(r, Integer.MIN_VALUE, Integer.MAX_VALUE));
    Nested.Inner inner = new Nested.Inner(anyFloat(r), anyFloat(r), deep);
    return new Nested(between(r, 0, Integer.MAX_VALUE), new Nested.Outer(string(r, 30), inner));
  }

  private static Object scalar(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> null;
      case 1 -> r.nextBoolean();
      case 2 -> between(r, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case 3 -> string(r, 40);
      case 4 -> {
        double d = anyDouble(r);
        yield d != Math.rint(d) ? d : 0.5;
      }
      default -> bytes(r, 10);
    };
  }

  /** A packed value: a scalar, a list of scalars, a map of scalars, or a map of lists. */
  private static Object packed(Random r) {
    switch (r.nextInt(4)) {
      case 0:
        return scalar(r);
      case 1:
        return list(r, 5, () -> scalar(r));
      case 2: {
        Map<String, Object> map = new HashMap<>();
        for (int i = r.nextInt(6); i > 0; i--) {
          map.put(string(r, 8), scalar(r));
        }
        return map;
      }
      default: {
        Map<String, Object> map = new HashMap<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          map.put(string(r, 4), list(r, 5, () -> scalar(r)));
        }
        return Map.copyOf(map);
      }
    }
  }
}
