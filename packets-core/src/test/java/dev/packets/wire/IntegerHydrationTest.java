package dev.packets.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.HydrationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hydrating JSON-like numbers into every integer wire type: kinds, integral doubles, big numbers, ranges. */
class IntegerHydrationTest {
  private static final Map<String, BiFunction<Object, String, Long>> HYDRATE = Map.of(
      "int8", (v, p) -> (long) Int8Wire.hydrate(v, p),
      "uint8", (v, p) -> (long) UInt8Wire.hydrate(v, p),
      "int16", (v, p) -> (long) Int16Wire.hydrate(v, p),
      "uint16", (v, p) -> (long) UInt16Wire.hydrate(v, p),
      "int32", (v, p) -> (long) Int32Wire.hydrate(v, p),
      "uint32", UInt32Wire::hydrate,
      "varint", (v, p) -> (long) VarIntWire.hydrate(v, p),
      "varuint", (v, p) -> (long) VarUintWire.hydrate(v, p));

  private static final Map<String, long[]> RANGE = Map.of(
      "int8", new long[] {-128, 127},
      "uint8", new long[] {0, 255},
      "int16", new long[] {-32768, 32767},
      "uint16", new long[] {0, 65535},
      "int32", new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
      "uint32", new long[] {0, 4294967295L},
      "varint", new long[] {-(1L << 30), (1L << 30) - 1},
      "varuint", new long[] {0, Integer.MAX_VALUE});

  private static long hydrate(String type, Object value) {
    return HYDRATE.get(type).apply(value, "Player.attributes.str");
  }

  private static String failure(String type, Object value) {
    HydrationException e = assertThrows(HydrationException.class, () -> hydrate(type, value));
    assertEquals("Player.attributes.str", e.path());
    return e.getMessage().substring("Player.attributes.str: ".length());
  }

  @ParameterizedTest
  @ValueSource(strings = {"int8", "uint8", "int16", "uint16", "int32", "uint32", "varint", "varuint"})
  void acceptsEveryIntegralKindAtMinZeroMax(String type) {
    long[] range = RANGE.get(type);
    for (long v : new long[] {range[0], 0, range[1]}) {
      assertEquals(v, hydrate(type, v));
      assertEquals(v, hydrate(type, (double) v));
      assertEquals(v, hydrate(type, BigInteger.valueOf(v)));
      assertEquals(v, hydrate(type, new BigDecimal(v + ".000")));
      if (v == (int) v) {
        assertEquals(v, hydrate(type, (int) v));
      }
      if (v == (short) v) {
        assertEquals(v, hydrate(type, (short) v));
        assertEquals(v, hydrate(type, (float) v));
      }
      if (v == (byte) v) {
        assertEquals(v, hydrate(type, (byte) v));
      }
    }
    assertEquals(65, hydrate(type, 'A'));
  }

  @ParameterizedTest
  @ValueSource(strings = {"int8", "uint8", "int16", "uint16", "int32", "uint32", "varint", "varuint"})
  void refusesOneBeyondEitherEnd(String type) {
    long[] range = RANGE.get(type);
    String suffix = " is out of range for " + type + " (" + range[0] + ".." + range[1] + ")";
    for (long v : new long[] {range[0] - 1, range[1] + 1}) {
      assertEquals(v + suffix, failure(type, v));
      assertEquals(new BigDecimal(v) + suffix, failure(type, new BigDecimal(v)));
      assertEquals(v + suffix, failure(type, BigInteger.valueOf(v)));
      assertEquals((double) v + suffix, failure(type, (double) v));
    }
    assertEquals("1.0E30" + suffix, failure(type, 1e30));
    assertEquals("-1.0E30" + suffix, failure(type, -1e30));
    assertEquals("9223372036854775807" + suffix, failure(type, Long.MAX_VALUE));
    assertEquals("100000000000000000000" + suffix, failure(type, new BigInteger("100000000000000000000")));
  }

  @ParameterizedTest
  @CsvSource({"int8", "uint8", "int16", "uint16", "int32", "uint32", "varint", "varuint"})
  void refusesWhatIsNotAnInteger(String type) {
    String suffix = " (" + type + ")";
    assertEquals("1.5 is not an integer" + suffix, failure(type, 1.5));
    assertEquals("0.1 is not an integer" + suffix, failure(type, 0.1f));
    assertEquals("NaN is not an integer" + suffix, failure(type, Double.NaN));
    assertEquals("Infinity is not an integer" + suffix, failure(type, Double.POSITIVE_INFINITY));
    assertEquals("-Infinity is not an integer" + suffix, failure(type, Float.NEGATIVE_INFINITY));
    assertEquals("2.5 is not an integer" + suffix, failure(type, new BigDecimal("2.5")));
    assertEquals("\"12\" is not a number" + suffix, failure(type, "12"));
    assertEquals("true is not a number" + suffix, failure(type, true));
    assertEquals("a list of 1 item(s) is not a number" + suffix, failure(type, List.of(1)));
    assertEquals("an object of 0 field(s) is not a number" + suffix, failure(type, Map.of()));
    assertEquals("is missing; " + ("aeio".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type + " is required",
        failure(type, null));
  }

  /** Hostile: 1e3000000 used to become a BigInteger of three million digits, 2–3 s of CPU per 40-byte number. */
  @ParameterizedTest
  @ValueSource(strings = {"int8", "uint8", "int16", "uint16", "int32", "uint32", "varint", "varuint"})
  void hugeExponentsAndLongFractionsAreRefusedFromPrecisionAndScaleAlone(String type) {
    BigDecimal huge = new BigDecimal("1e3000000");
    BigDecimal negative = new BigDecimal("-1e3000000");
    BigDecimal tiny = new BigDecimal("1e-3000000");
    BigDecimal long1 = new BigDecimal("1." + "0".repeat(20_000));
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2), () -> {
      for (int i = 0; i < 20; i++) {
        assertTrue(failure(type, huge).contains("out of range"));
        assertTrue(failure(type, negative).contains("out of range"));
        assertTrue(failure(type, tiny).contains("not an integer"));
        assertTrue(failure(type, long1).contains("more than 64 digits"));
      }
    });
    assertEquals(100, hydrate(type, new BigDecimal("1e2")));
    assertEquals(0, hydrate(type, new BigDecimal("0e3000000")));
  }
}
