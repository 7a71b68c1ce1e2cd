package dev.packets.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.packets.DecodeException;
import dev.packets.EncodeException;
import dev.packets.Hex;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** int8, uint8, int16, uint16, int32, uint32: exact bytes at MIN/0/MAX, range checks, truncation. */
class IntegerWiresTest {

  /** One fixed-width integer wire type, seen through longs. */
  private record Wire(String type, int size, long min, long max, Check check, Write write, Read read) {}

  @FunctionalInterface
  private interface Check {
    void check(long value, String path);
  }

  @FunctionalInterface
  private interface Write {
    void write(WireOut out, long value);
  }

  @FunctionalInterface
  private interface Read {
    long read(WireIn in, String path);
  }

  private static final Map<String, Wire> WIRES = Map.of(
      "int8", new Wire(Int8Wire.TYPE, Int8Wire.SIZE, Int8Wire.MIN, Int8Wire.MAX,
          (v, p) -> Int8Wire.check(Math.toIntExact(v), p), (o, v) -> Int8Wire.write(o, (int) v), Int8Wire::read),
      "uint8", new Wire(UInt8Wire.TYPE, UInt8Wire.SIZE, UInt8Wire.MIN, UInt8Wire.MAX,
          (v, p) -> UInt8Wire.check(Math.toIntExact(v), p), (o, v) -> UInt8Wire.write(o, (int) v), UInt8Wire::read),
      "int16", new Wire(Int16Wire.TYPE, Int16Wire.SIZE, Int16Wire.MIN, Int16Wire.MAX,
          (v, p) -> Int16Wire.check(Math.toIntExact(v), p), (o, v) -> Int16Wire.write(o, (int) v), Int16Wire::read),
      "uint16", new Wire(UInt16Wire.TYPE, UInt16Wire.SIZE, UInt16Wire.MIN, UInt16Wire.MAX,
          (v, p) -> UInt16Wire.check(Math.toIntExact(v), p), (o, v) -> UInt16Wire.write(o, (int) v), UInt16Wire::read),
      "int32", new Wire(Int32Wire.TYPE, Int32Wire.SIZE, Int32Wire.MIN, Int32Wire.MAX,
          (v, p) -> Math.toIntExact(v), (o, v) -> Int32Wire.write(o, (int) v), Int32Wire::read),
      "uint32", new Wire(UInt32Wire.TYPE, UInt32Wire.SIZE, UInt32Wire.MIN, UInt32Wire.MAX,
          UInt32Wire::check, (o, v) -> UInt32Wire.write(o, v), UInt32Wire::read));

  @ParameterizedTest(name = "{0} {1} <-> {2}")
  @CsvSource({
      "int8, -128, 80",
      "int8, -2, fe",
      "int8, -1, ff",
      "int8, 0, 00",
      "int8, 1, 01",
      "int8, 127, 7f",
      "uint8, 0, 00",
      "uint8, 127, 7f",
      "uint8, 128, 80",
      "uint8, 200, c8",
      "uint8, 255, ff",
      "int16, -32768, 80 00",
      "int16, -540, fd e4",
      "int16, -1, ff ff",
      "int16, 0, 00 00",
      "int16, 343, 01 57",
      "int16, 32767, 7f ff",
      "uint16, 0, 00 00",
      "uint16, 1201, 04 b1",
      "uint16, 32768, 80 00",
      "uint16, 65535, ff ff",
      "int32, -2147483648, 80 00 00 00",
      "int32, -2, ff ff ff fe",
      "int32, 0, 00 00 00 00",
      "int32, 16909060, 01 02 03 04",
      "int32, 2147483647, 7f ff ff ff",
      "uint32, 0, 00 00 00 00",
      "uint32, 2147483647, 7f ff ff ff",
      "uint32, 2147483648, 80 00 00 00",
      "uint32, 4294967295, ff ff ff ff",
  })
  void writesExactBytesAndReadsThemBack(String type, long value, String hex) {
    Wire wire = WIRES.get(type);
    wire.check().check(value, "P.f");
    assertEquals(hex, Wires.write(wire.size(), out -> wire.write().write(out, value)));
    assertEquals(wire.size(), Hex.bytes(hex).length);
    assertEquals(value, (long) Wires.read(hex, in -> wire.read().read(in, "P.f")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"int8", "uint8", "int16", "uint16", "int32", "uint32"})
  void minAndMaxAreTheDocumentedRange(String type) {
    Wire wire = WIRES.get(type);
    boolean signed = !type.startsWith("u");
    int bits = wire.size() * 8;
    assertEquals(signed ? -(1L << (bits - 1)) : 0, wire.min());
    assertEquals(signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1, wire.max());
    for (long value : new long[] {wire.min(), 0, wire.max()}) {
      byte[] bytes = Hex.bytes(Wires.write(wire.size(), out -> wire.write().write(out, value)));
      assertEquals(value, (long) Wires.read(Hex.of(bytes), in -> wire.read().read(in, "P.f")));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "int8, -129, -128..127",
      "int8, 128, -128..127",
      "int8, -2147483648, -128..127",
      "int8, 2147483647, -128..127",
      "uint8, -1, 0..255",
      "uint8, 256, 0..255",
      "int16, -32769, -32768..32767",
      "int16, 32768, -32768..32767",
      "uint16, -1, 0..65535",
      "uint16, 65536, 0..65535",
      "uint32, -1, 0..4294967295",
      "uint32, 4294967296, 0..4294967295",
      "uint32, -9223372036854775808, 0..4294967295",
      "uint32, 9223372036854775807, 0..4294967295",
  })
  void outOfRangeNamesPathValueAndType(String type, long value, String range) {
    Wire wire = WIRES.get(type);
    EncodeException e = assertThrows(EncodeException.class, () -> wire.check().check(value, "Player.attributes.str"));
    assertEquals("Player.attributes.str: " + value + " is out of range for " + type + " (" + range + ")",
        e.getMessage());
    assertEquals("Player.attributes.str", e.path());
    assertEquals("Player", e.packet());
  }

  @ParameterizedTest
  @ValueSource(strings = {"int8", "uint8", "int16", "uint16", "int32", "uint32"})
  void truncatedInputFailsAtTheFieldsOffset(String type) {
    Wire wire = WIRES.get(type);
    for (int have = 0; have < wire.size(); have++) {
      WireIn in = Wires.in("00".repeat(have));
      DecodeException e = assertThrows(DecodeException.class, () -> wire.read().read(in, "P.f"));
      assertEquals(0, e.offset());
      assertEquals("P.f", e.path());
      assertEquals("P.f: truncated input: needs " + wire.size() + " byte(s), " + have + " left at byte 0",
          e.getMessage());
      assertEquals(0, in.offset(), "a failed read consumes nothing");
    }
  }

  @Test
  void unsignedReadsNeverComeBackNegative() {
    assertEquals(255, UInt8Wire.read(Wires.in("ff"), "f"));
    assertEquals(65535, UInt16Wire.read(Wires.in("ff ff"), "f"));
    assertEquals(4294967295L, UInt32Wire.read(Wires.in("ff ff ff ff"), "f"));
    assertEquals(-1, Int8Wire.read(Wires.in("ff"), "f"));
    assertEquals(-1, Int16Wire.read(Wires.in("ff ff"), "f"));
    assertEquals(-1, Int32Wire.read(Wires.in("ff ff ff ff"), "f"));
  }

  @Test
  void checksReturnTheValue() {
    assertEquals(-128, Int8Wire.check(-128, "f"));
    assertEquals(255, UInt8Wire.check(255, "f"));
    assertEquals(-32768, Int16Wire.check(-32768, "f"));
    assertEquals(65535, UInt16Wire.check(65535, "f"));
    assertEquals(4294967295L, UInt32Wire.check(4294967295L, "f"));
  }
}
