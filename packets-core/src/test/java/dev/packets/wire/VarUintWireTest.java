package dev.packets.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.packets.DecodeException;
import dev.packets.EncodeException;
import dev.packets.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** varuint: LEB128 over 0..2^31-1, one to five bytes. */
class VarUintWireTest {

  @ParameterizedTest(name = "{0} <-> {2} ({1} bytes)")
  @CsvSource({
      "0, 1, 00",
      "1, 1, 01",
      "127, 1, 7f",
      "128, 2, 80 01",
      "300, 2, ac 02",
      "4000, 2, a0 1f",
      "16383, 2, ff 7f",
      "16384, 3, 80 80 01",
      "2097151, 3, ff ff 7f",
      "2097152, 4, 80 80 80 01",
      "268435455, 4, ff ff ff 7f",
      "268435456, 5, 80 80 80 80 01",
      "2147483647, 5, ff ff ff ff 07",
  })
  void writesExactBytesAndReadsThemBack(int value, int size, String hex) {
    assertEquals(size, VarUintWire.size(value));
    assertEquals(size, VarUintWire.size(value, "P.v"));
    assertEquals(value, VarUintWire.check((long) value, "P.v"));
    assertEquals(hex, Wires.write(size, out -> VarUintWire.write(out, value)));
    assertEquals(value, (int) Wires.<Integer>read(hex, in -> VarUintWire.read(in, "P.v")));
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, -128, Integer.MIN_VALUE, 1L << 31, 1L << 32, Long.MIN_VALUE, Long.MAX_VALUE})
  void checkRefusesOutOfRange(long value) {
    EncodeException e = assertThrows(EncodeException.class, () -> VarUintWire.check(value, "Move.entity"));
    assertEquals("Move.entity: " + value + " is out of range for varuint (0..2147483647)", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, -300, Integer.MIN_VALUE})
  void sizeRefusesNegativeInts(int value) {
    EncodeException e = assertThrows(EncodeException.class, () -> VarUintWire.size(value, "Move.entity"));
    assertEquals("Move.entity: " + value + " is out of range for varuint (0..2147483647)", e.getMessage());
  }

  @Test
  void sizeMatchesWhatIsWrittenAcrossTheRange() {
    for (int shift = 0; shift < 31; shift++) {
      for (int value : new int[] {(1 << shift) - 1, 1 << shift, (1 << shift) + 1}) {
        if (value < 0) {
          continue;
        }
        int size = VarUintWire.size(value);
        byte[] bytes = Hex.bytes(Wires.write(size, out -> VarUintWire.write(out, value)));
        assertEquals(value, VarUintWire.read(Wires.in(Hex.of(bytes)), "v"), () -> "value " + value);
      }
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "''                | P.v: truncated varuint at byte 0",
      "80                | P.v: truncated varuint at byte 0",
      "ff ff             | P.v: truncated varuint at byte 0",
      "ff ff ff ff       | P.v: truncated varuint at byte 0",
      "ff ff ff ff 0f    | P.v: varuint exceeds 2147483647 at byte 0",
      "ff ff ff ff 08    | P.v: varuint exceeds 2147483647 at byte 0",
      "80 80 80 80 10    | P.v: varuint exceeds 2147483647 at byte 0",
      "ff ff ff ff 7f    | P.v: varuint exceeds 2147483647 at byte 0",
      "ff ff ff ff ff    | P.v: varuint longer than 5 bytes at byte 0",
      "ff ff ff ff ff 01 | P.v: varuint longer than 5 bytes at byte 0",
      "80 80 80 80 80 00 | P.v: varuint longer than 5 bytes at byte 0",
  })
  void malformedVaruints(String hex, String message) {
    WireIn in = Wires.in(hex);
    DecodeException e = assertThrows(DecodeException.class, () -> VarUintWire.read(in, "P.v"));
    assertEquals(message, e.getMessage());
    assertEquals(0, e.offset());
    assertEquals(0, in.offset(), "a failed read consumes nothing");
  }

  @Test
  void errorOffsetIsWhereTheVaruintStarts() {
    WireIn in = Wires.in("01 02 ff ff ff ff 0f");
    in.getByte("a");
    in.getByte("b");
    assertEquals(2, assertThrows(DecodeException.class, () -> VarUintWire.read(in, "P.v")).offset());
  }

  @Test
  void overlongButInRangeEncodingsReadAsSchemapackDoes() {
    WireIn in = Wires.in("80 00 81 80 00");
    assertEquals(0, VarUintWire.read(in, "v"));
    assertEquals(2, in.offset());
    assertEquals(1, VarUintWire.read(in, "v"));
    assertEquals(0, in.remaining());
  }

  @Test
  void hydratesIntegralNumbersInRange() {
    assertEquals(0, VarUintWire.hydrate(0, "v"));
    assertEquals(Integer.MAX_VALUE, VarUintWire.hydrate(2147483647L, "v"));
    assertEquals(300, VarUintWire.hydrate(300.0, "v"));
    assertEquals("P.v: -1 is out of range for varuint (0..2147483647)",
        assertThrows(dev.packets.HydrationException.class, () -> VarUintWire.hydrate(-1, "P.v")).getMessage());
    assertEquals("P.v: 2147483648 is out of range for varuint (0..2147483647)",
        assertThrows(dev.packets.HydrationException.class, () -> VarUintWire.hydrate(1L << 31, "P.v")).getMessage());
  }
}
