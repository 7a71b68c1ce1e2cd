package dev.packets.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.DecodeException;
import dev.packets.EncodeException;
import dev.packets.HydrationException;
import dev.packets.Hex;
import dev.packets.PacketLimits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code @Packed} values: msgpack bytes exactly as msgpack-lite writes them, and strict, bounded unpacking. */
class PackedWireTest {
  private static final PacketLimits LIMITS = PacketLimits.DEFAULT;

  private static String pack(Object value) {
    return Hex.of(PackedWire.pack(value, LIMITS, "Meta.meta"));
  }

  private static Object unpack(String hex) {
    return unpack(hex, LIMITS);
  }

  private static Object unpack(String hex, PacketLimits limits) {
    byte[] bytes = Hex.bytes(hex);
    return PackedWire.unpack(bytes, 0, bytes.length, limits, "Meta.meta", 0);
  }

  private static DecodeException unpackFails(String hex) {
    return unpackFails(hex, LIMITS);
  }

  private static DecodeException unpackFails(String hex, PacketLimits limits) {
    DecodeException e = assertThrows(DecodeException.class, () -> unpack(hex, limits));
    assertTrue(e.path().startsWith("Meta.meta"), e.path());
    return e;
  }

  private static EncodeException packFails(Object value, PacketLimits limits) {
    return assertThrows(EncodeException.class, () -> PackedWire.pack(value, limits, "Meta.meta"));
  }

  @ParameterizedTest(name = "int {0} -> {1}")
  @CsvSource({
      "0, 00",
      "1, 01",
      "127, 7f",
      "128, cc 80",
      "255, cc ff",
      "256, cd 01 00",
      "65535, cd ff ff",
      "65536, ce 00 01 00 00",
      "2147483647, ce 7f ff ff ff",
      "-1, ff",
      "-32, e0",
      "-33, d0 df",
      "-128, d0 80",
      "-129, d1 ff 7f",
      "-32768, d1 80 00",
      "-32769, d2 ff ff 7f ff",
      "-2147483648, d2 80 00 00 00",
  })
  void int32RangeIntegersTakeTheSmallestIntegerFormat(int value, String hex) {
    assertEquals(hex, pack(value));
    assertEquals(hex, pack((long) value), "a Long in the int32 range packs as an int");
    assertEquals(hex, pack((double) value), "an integral Double in the int32 range packs as an int");
    assertEquals(hex, pack(BigInteger.valueOf(value)));
    assertEquals(value, unpack(hex));
    assertInstanceOf(Integer.class, unpack(hex));
  }

  @Test
  void smallIntegerKinds() {
    assertEquals("05", pack((short) 5));
    assertEquals("ff", pack((byte) -1));
    assertEquals("d1 80 00", pack(Short.MIN_VALUE));
    assertEquals("02", pack(2.0f));
  }

  @ParameterizedTest(name = "long {0} -> {1}")
  @CsvSource({
      "2147483648, cb 41 e0 00 00 00 00 00 00",
      "4294967295, cb 41 ef ff ff ff e0 00 00",
      "4294967296, cb 41 f0 00 00 00 00 00 00",
      "-2147483649, cb c1 e0 00 00 00 20 00 00",
      "9007199254740992, cb 43 40 00 00 00 00 00 00",
      "-9007199254740992, cb c3 40 00 00 00 00 00 00",
  })
  void integersBeyondInt32AreFloat64AsInJavaScript(long value, String hex) {
    assertEquals(hex, pack(value));
    assertEquals(hex, pack((double) value));
    assertEquals(value, unpack(hex), "an integral float64 comes back as a Long");
    assertInstanceOf(Long.class, unpack(hex));
  }

  @ParameterizedTest(name = "long {0} -> {1}")
  @CsvSource({
      "9007199254740993, cf 00 20 00 00 00 00 00 01",
      "9223372036854775807, cf 7f ff ff ff ff ff ff ff",
      "-9007199254740993, d3 ff df ff ff ff ff ff ff",
      "-9223372036854775808, d3 80 00 00 00 00 00 00 00",
  })
  void integersBeyondTwoToThe53AreInt64(long value, String hex) {
    assertEquals(hex, pack(value));
    assertEquals(value, unpack(hex));
  }

  @ParameterizedTest(name = "double {0} -> {1}")
  @CsvSource({
      "1.5, cb 3f f8 00 00 00 00 00 00",
      "-1.5, cb bf f8 00 00 00 00 00 00",
      "0.1, cb 3f b9 99 99 99 99 99 9a",
      "2.0, 02",
      "-0.0, 00",
      "3.0E9, cb 41 e6 5a 0b c0 00 00 00",
      "Infinity, cb 7f f0 00 00 00 00 00 00",
      "-Infinity, cb ff f0 00 00 00 00 00 00",
      "NaN, cb 7f f8 00 00 00 00 00 00",
  })
  void doubles(double value, String hex) {
    assertEquals(hex, pack(value));
  }

  @Test
  void otherNumbers() {
    assertEquals("cb 3f f8 00 00 00 00 00 00", pack(1.5f));
    assertEquals("cb 40 04 00 00 00 00 00 00", pack(new BigDecimal("2.5")));
    assertEquals("07", pack(new BigDecimal("7")));
    EncodeException e = packFails(BigInteger.ONE.shiftLeft(64), LIMITS);
    assertEquals("Meta.meta: 18446744073709551616 does not fit a 64-bit integer", e.getMessage());
  }

  @Test
  void floatsComeBackAsNumbersJavaScriptWouldSee() {
    assertEquals(1.5, unpack("cb 3f f8 00 00 00 00 00 00"));
    assertEquals(2, unpack("cb 40 00 00 00 00 00 00 00"));
    assertEquals(1.5, unpack("ca 3f c0 00 00"));
    assertEquals(2, unpack("ca 40 00 00 00"));
    assertEquals(-0.0, unpack("cb 80 00 00 00 00 00 00 00"), "negative zero stays a Double");
    assertEquals(9007199254740994.0, unpack("cb 43 40 00 00 00 00 00 01"), "beyond 2^53 stays a Double");
    assertTrue(Double.isNaN((Double) unpack("cb 7f f8 00 00 00 00 00 00")));
    assertEquals(Double.POSITIVE_INFINITY, unpack("cb 7f f0 00 00 00 00 00 00"));
    assertEquals(5, unpack("d3 00 00 00 00 00 00 00 05"));
    assertEquals(4294967296L, unpack("cf 00 00 00 01 00 00 00 00"));
    assertEquals(255, unpack("cc ff"));
    assertEquals(4294967295L, unpack("ce ff ff ff ff"));
  }

  @Test
  void scalars() {
    assertEquals("c0", pack(null));
    assertEquals("c3", pack(true));
    assertEquals("c2", pack(false));
    assertNull(unpack("c0"));
    assertEquals(true, unpack("c3"));
    assertEquals(false, unpack("c2"));
  }

  @ParameterizedTest(name = "string of {0} bytes")
  @CsvSource({
      "0, a0",
      "1, a1",
      "31, bf",
      "32, d9 20",
      "255, d9 ff",
      "256, da 01 00",
      "65535, da ff ff",
      "65536, db 00 01 00 00",
  })
  void strings(int length, String header) {
    String value = "x".repeat(length);
    String hex = pack(value);
    assertEquals(header, hex.substring(0, header.length()));
    assertEquals(Hex.bytes(header).length + length, Hex.bytes(hex).length);
    assertEquals(value, unpack(hex));
  }

  @Test
  void stringsAreJavaScriptUtf8() {
    assertEquals("a2 c3 a9", pack("é"));
    assertEquals("a3 ef bf bd", pack("\ud800"));
    assertEquals("a4 f0 9f 98 80", pack("\ud83d\ude00"));
    assertEquals("\ufffd", unpack("a3 ef bf bd"));
    assertEquals("d9 20 " + "c3 a9 ".repeat(16).trim(), pack("é".repeat(16)), "the header counts bytes");
  }

  @ParameterizedTest(name = "binary of {0} bytes")
  @CsvSource({
      "0, c4 00",
      "2, c4 02",
      "254, c4 fe",
      "255, c5 00 ff",
      "256, c5 01 00",
      "65535, c5 ff ff",
      "65536, c6 00 01 00 00",
  })
  void binaryAsMsgpackLite(int length, String header) {
    byte[] value = new byte[length];
    Arrays.fill(value, (byte) 0xab);
    String hex = pack(value);
    assertEquals(header, hex.substring(0, header.length()));
    assertEquals(Hex.bytes(header).length + length, Hex.bytes(hex).length);
    assertArrayEquals(value, (byte[]) unpack(hex));
  }

  @Test
  void arrays() {
    assertEquals("90", pack(List.of()));
    assertEquals("93 01 02 03", pack(List.of(1, 2, 3)));
    assertEquals("92 a1 61 c0", pack(Arrays.asList("a", null)));
    assertEquals("91 90", pack(List.of(List.of())));
    assertEquals("9f", pack(Collections.nCopies(15, 0)).substring(0, 2));
    assertEquals("dc 00 10", pack(Collections.nCopies(16, 0)).substring(0, 8));
    assertEquals("dd 00 01 00 00", pack(Collections.nCopies(65536, 0)).substring(0, 14));
    assertEquals(List.of(1, List.of("a", 1.5)), unpack(pack(List.of(1, List.of("a", 1.5)))));
  }

  @Test
  @SuppressWarnings("unchecked")
  void maps() {
    assertEquals("80", pack(Map.of()));
    assertEquals("81 a1 61 01", pack(Map.of("a", 1)));
    Map<String, Object> ordered = new LinkedHashMap<>();
    ordered.put("b", 1);
    ordered.put("a", List.of(true));
    ordered.put("c", Map.of("d", "e"));
    assertEquals("83 a1 62 01 a1 61 91 c3 a1 63 81 a1 64 a1 65", pack(ordered), "insertion order is kept");
    Map<String, Object> back = (Map<String, Object>) unpack(pack(ordered));
    assertEquals(ordered, back);
    assertEquals(List.of("b", "a", "c"), new ArrayList<>(back.keySet()), "and comes back in that order");
    Map<String, Object> sixteen = new LinkedHashMap<>();
    for (int i = 0; i < 16; i++) {
      sixteen.put("k" + i, i);
    }
    assertEquals("de 00 10", pack(sixteen).substring(0, 8));
    assertEquals(sixteen, unpack(pack(sixteen)));
  }

  @Test
  void roundTripsNestedJsonLikeData() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("name", "héllo \ud83d\ude00");
    value.put("n", -33);
    value.put("big", 1L << 40);
    value.put("f", 0.25);
    value.put("none", null);
    value.put("list", List.of(1, "two", List.of(false), Map.of("x", 2)));
    byte[] bytes = PackedWire.pack(value, LIMITS, "p");
    Object back = PackedWire.unpack(bytes, 0, bytes.length, LIMITS, "p", 0);
    assertEquals(value, back);
    byte[] blob = {1, 2, 3};
    byte[] blobBack = (byte[]) ((Map<?, ?>) unpack(pack(Map.of("b", blob)))).get("b");
    assertArrayEquals(blob, blobBack);
  }

  @Test
  void refusesValuesThatAreNotJsonLike() {
    assertEquals("Meta.meta: a java.lang.Object is not JSON-like (null, Boolean, Number, String, byte[], List, Map)",
        packFails(new Object(), LIMITS).getMessage());
    assertEquals("Meta.meta.a[1]: a java.lang.StringBuilder is not JSON-like (null, Boolean, Number, String, byte[], "
        + "List, Map)", packFails(Map.of("a", List.of(1, new StringBuilder("x"))), LIMITS).getMessage());
    Map<Object, Object> numeric = new HashMap<>();
    numeric.put(1, "x");
    assertEquals("Meta.meta: map key 1 is not a string", packFails(numeric, LIMITS).getMessage());
    Map<String, Object> nullKey = new HashMap<>();
    nullKey.put(null, "x");
    assertEquals("Meta.meta: map key null is not a string", packFails(nullKey, LIMITS).getMessage());
  }

  @Test
  void refusesValuesOverTheLimits() {
    assertEquals("Meta.meta: string of 4 UTF-8 bytes exceeds the limit of 3",
        packFails("abcd", LIMITS.withMaxStringBytes(3)).getMessage());
    assertEquals("Meta.meta[0]: binary of 4 bytes exceeds the limit of 3",
        packFails(List.of(new byte[4]), LIMITS.withMaxBufferBytes(3)).getMessage());
    assertEquals("Meta.meta: list of 3 items exceeds the limit of 2",
        packFails(List.of(1, 2, 3), LIMITS.withMaxListLength(2)).getMessage());
    assertEquals("Meta.meta: map of 3 entries exceeds the limit of 2",
        packFails(Map.of("a", 1, "b", 2, "c", 3), LIMITS.withMaxListLength(2)).getMessage());
    assertEquals("Meta.meta: packed value of 11 bytes exceeds the buffer limit of 10",
        packFails("0123456789", LIMITS.withMaxBufferBytes(10)).getMessage());
    assertEquals(10, PackedWire.pack("012345678", LIMITS.withMaxBufferBytes(10), "p").length);
    assertEquals("Meta.meta: map key of 4 UTF-8 bytes exceeds the limit of 3",
        packFails(Map.of("abcd", 1), LIMITS.withMaxStringBytes(3)).getMessage());
  }

  @Test
  void nestingIsLimitedOnEncode() {
    assertEquals(LIMITS.maxPackedDepth() + 1, PackedWire.pack(nested(LIMITS.maxPackedDepth()), LIMITS, "p").length);
    EncodeException e = packFails(nested(LIMITS.maxPackedDepth() + 1), LIMITS);
    assertTrue(e.getMessage().endsWith("packed value nests deeper than the limit of 64"), e.getMessage());
    assertEquals("91 91 91 80", Hex.of(PackedWire.pack(nested(3), LIMITS.withMaxPackedDepth(3), "p")));
    packFails(nested(4), LIMITS.withMaxPackedDepth(3));
  }

  /** {@code depth} single-item lists around an empty map: {@code [[...[{}]...]]}, the map at {@code depth}. */
  private static Object nested(int depth) {
    Object value = Map.of();
    for (int i = 0; i < depth; i++) {
      value = List.of(value);
    }
    return value;
  }

  @Test
  void cyclesFailOnEncodeInsteadOfOverflowingTheStack() {
    List<Object> list = new ArrayList<>();
    list.add(list);
    assertTrue(packFails(list, LIMITS).getMessage().endsWith("nests deeper than the limit of 64"));
    Map<String, Object> map = new HashMap<>();
    map.put("self", map);
    EncodeException e = packFails(map, LIMITS);
    assertTrue(e.path().startsWith("Meta.meta.self.self"), e.path());
    Map<String, Object> a = new HashMap<>();
    List<Object> b = new ArrayList<>(List.of(a));
    a.put("b", b);
    packFails(a, LIMITS);
  }

  @Test
  void nestingIsLimitedOnDecode() {
    String ok = "91 ".repeat(64) + "80";
    assertEquals(nested(64), unpack(ok));
    DecodeException e = unpackFails("91 ".repeat(65) + "80");
    assertEquals("Meta.meta: packed value nests deeper than the limit of 64 at byte 65", e.getMessage());
    assertEquals(65, e.offset());
    DecodeException keys = unpackFails("81 a1 61 ".repeat(3) + "c0", LIMITS.withMaxPackedDepth(2));
    assertEquals("Meta.meta.a.a: packed value nests deeper than the limit of 2 at byte 7", keys.getMessage());
    unpackFails("91 ".repeat(100_000) + "80");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "''                         | Meta.meta: truncated msgpack at byte 0",
      "92 01                      | Meta.meta: msgpack array of 2 but only 1 byte(s) left at byte 0",
      "92 01 91                   | Meta.meta: msgpack array of 1 but only 0 byte(s) left at byte 2",
      "81 a1 61                   | Meta.meta.a: truncated msgpack at byte 3",
      "a3 61                      | Meta.meta: msgpack string of 3 but only 1 byte(s) left at byte 0",
      "c4 05 01                   | Meta.meta: msgpack binary of 5 but only 1 byte(s) left at byte 0",
      "dc ff ff                   | Meta.meta: msgpack array of 65535 but only 0 byte(s) left at byte 0",
      "dd 7f ff ff ff             | Meta.meta: msgpack array of 2147483647 exceeds the limit of 65536 at byte 0",
      "df 7f ff ff ff a1 61 01    | Meta.meta: msgpack map of 2147483647 entries exceeds the limit of 65536 at byte 0",
      "df 00 01 00 00 a1 61 01    | Meta.meta: msgpack map of 65536 entries needs at least 131072 byte(s), but only 3 left at byte 0",
      "de 00 02 a1 61 01          | Meta.meta: msgpack map of 2 entries needs at least 4 byte(s), but only 3 left at byte 0",
      "81 01 02                   | Meta.meta: map key 1 is not a string at byte 2",
      "81 91 a1 61 02             | Meta.meta: map key a list of 1 item(s) is not a string at byte 4",
      "cf ff ff ff ff ff ff ff ff | Meta.meta: integer 18446744073709551615 does not fit a 64-bit signed integer at byte 9",
      "d4 01 00                   | Meta.meta: msgpack extension values are not supported at byte 0",
      "c7 01 05 00                | Meta.meta: msgpack extension values are not supported at byte 0",
      "01 02                      | Meta.meta: 1 trailing byte(s) after the packed value at byte 1",
      "a1 61 c0 c0                | Meta.meta: 2 trailing byte(s) after the packed value at byte 2",
  })
  void malformedMsgpackIsADecodeException(String hex, String message) {
    assertEquals(message, unpackFails(hex).getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"c1", "cd 01", "cb 00 00", "d2 ff ff", "dd 80 00 00 00", "df 80 00 00 00 a1 61 01",
      "db ff ff ff ff", "c6 ff ff ff ff", "da 00", "d9"})
  void headersMsgpackCannotReadAreDecodeExceptions(String hex) {
    DecodeException e = unpackFails(hex);
    assertEquals(0, e.offset());
    assertTrue(e.getMessage().startsWith("Meta.meta: "), e.getMessage());
  }

  @Test
  void limitsApplyWhileUnpacking() {
    PacketLimits small = LIMITS.withMaxStringBytes(2).withMaxBufferBytes(2).withMaxListLength(1);
    assertEquals("Meta.meta: msgpack string of 3 exceeds the limit of 2 at byte 0",
        unpackFails("a3 61 62 63", small).getMessage());
    assertEquals("Meta.meta: msgpack binary of 3 exceeds the limit of 2 at byte 0",
        unpackFails("c4 03 01 02 03", small).getMessage());
    assertEquals("Meta.meta: msgpack array of 2 exceeds the limit of 1 at byte 0",
        unpackFails("92 01 02", small).getMessage());
    assertEquals("Meta.meta: msgpack map of 2 entries exceeds the limit of 1 at byte 0",
        unpackFails("82 a1 61 01 a1 62 02", small).getMessage());
  }

  @Test
  void readsABufferFieldAndOffsetsErrorsFromThePacketStart() {
    WireIn in = Wires.in("07 04 81 a1 61 01 09");
    in.getByte("id");
    assertEquals(Map.of("a", 1), PackedWire.read(in, "Meta.meta"));
    assertEquals(9, in.getByte("tail"));

    WireIn bad = Wires.in("07 03 92 01 c1");
    bad.getByte("id");
    DecodeException e = assertThrows(DecodeException.class, () -> PackedWire.read(bad, "Meta.meta"));
    assertEquals(2, e.offset(), e.getMessage());

    WireIn shortBuffer = Wires.in("07 05 81 a1 61 01");
    shortBuffer.getByte("id");
    assertEquals("Meta.meta: buffer of 5 bytes, but only 4 left at byte 1",
        assertThrows(DecodeException.class, () -> PackedWire.read(shortBuffer, "Meta.meta")).getMessage());

    WireIn empty = Wires.in("00");
    assertEquals("Meta.meta: truncated msgpack at byte 1",
        assertThrows(DecodeException.class, () -> PackedWire.read(empty, "Meta.meta")).getMessage());
  }

  @Test
  void typedReadsAndHydration() {
    assertEquals(Map.of("a", 1), PackedWire.read(Wires.in("04 81 a1 61 01"), "Meta.meta", Map.class));
    assertNull(PackedWire.read(Wires.in("01 c0"), "Meta.meta", Map.class));
    DecodeException e = assertThrows(DecodeException.class,
        () -> PackedWire.read(Wires.in("02 91 01"), "Meta.meta", Map.class));
    assertEquals("Meta.meta: packed value is a list; a Map is required at byte 0", e.getMessage());

    assertEquals(List.of(1), PackedWire.hydrate(List.of(1), "Meta.meta", LIMITS, List.class));
    assertNull(PackedWire.hydrate(null, "Meta.meta", LIMITS, Map.class));
    assertEquals("Meta.meta: \"x\" is a String; a Map is required", assertThrows(HydrationException.class,
        () -> PackedWire.hydrate("x", "Meta.meta", LIMITS, Map.class)).getMessage());
  }

  @Test
  void writeFramesThePackedBytesAsABuffer() {
    byte[] packed = PackedWire.pack(Map.of("a", 1), LIMITS, "p");
    assertEquals(5, PackedWire.size(packed));
    assertEquals("04 81 a1 61 01", Wires.write(5, out -> PackedWire.write(out, packed)));
  }

  @Test
  void randomBytesNeverThrowAnythingButDecodeException() {
    Random random = new Random(20261101);
    PacketLimits limits = LIMITS.withMaxPackedDepth(8);
    for (int i = 0; i < 5000; i++) {
      byte[] bytes = new byte[random.nextInt(24)];
      random.nextBytes(bytes);
      if (i % 3 == 0 && bytes.length > 0) {
        bytes[0] = (byte) (0x80 | random.nextInt(0x20)); // a map or array header, to reach deeper
      }
      try {
        PackedWire.unpack(bytes, 0, bytes.length, limits, "p", 0);
      } catch (DecodeException expected) {
        assertTrue(expected.offset() >= 0 && expected.offset() <= bytes.length, expected.getMessage());
      }
    }
  }

  /** A list that counts how often it is iterated, that is packed. */
  private static final class Counted extends java.util.AbstractList<Object> {
    int packed;
    final List<Object> items = new ArrayList<>(List.of(1, 2, 3));

    @Override
    public java.util.Iterator<Object> iterator() {
      packed++;
      return items.iterator();
    }

    @Override
    public Object get(int i) {
      return items.get(i);
    }

    @Override
    public int size() {
      return items.size();
    }
  }

  @Test
  void aWritePassWritesWhatItsMeasurePassPacked() {
    Counted value = new Counted();
    int size = PackedWire.measure(value, value, LIMITS, "Meta.meta");
    assertEquals("04 93 01 02 03", Wires.write(size, out -> PackedWire.write(out, value, value, LIMITS, "Meta.meta")));
    assertEquals(1, value.packed, "packed once for measure and write");
    // the next encode measures afresh: a value changed in between is never written stale
    value.items.add(4);
    int again = PackedWire.measure(value, value, LIMITS, "Meta.meta");
    assertEquals("05 94 01 02 03 04",
        Wires.write(again, out -> PackedWire.write(out, value, value, LIMITS, "Meta.meta")));
    assertEquals(2, value.packed);
    // a write with no measure before it packs for itself
    assertEquals("05 94 01 02 03 04", Wires.write(6, out -> PackedWire.write(out, value, value, LIMITS, "Meta.meta")));
    assertEquals(3, value.packed);
    // null values are packed, never remembered
    assertEquals(2, PackedWire.measure(null, null, LIMITS, "Meta.meta"));
    assertEquals("01 c0", Wires.write(2, out -> PackedWire.write(out, null, null, LIMITS, "Meta.meta")));
  }
}
