package dev.packets.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.packets.DecodeException;
import dev.packets.EncodeException;
import dev.packets.HydrationException;
import dev.packets.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** varint: zigzag then varuint, over -2^30..2^30-1. */
class VarIntWireTest {

  @ParameterizedTest(name = "{0} <-> {1}")
  @CsvSource({
      "0, 00",
      "-1, 01",
      "1, 02",
      "-2, 03",
      "63, 7e",
      "-64, 7f",
      "64, 80 01",
      "-65, 81 01",
      "8191, fe 7f",
      "-8192, ff 7f",
      "8192, 80 80 01",
      "1073741823, fe ff ff ff 07",
      "-1073741824, ff ff ff ff 07",
  })
  void writesExactBytesAndReadsThemBack(int value, String hex) {
    int size = Hex.bytes(hex).length;
    assertEquals(size, VarIntWire.size(value));
    assertEquals(value, VarIntWire.check((long) value, "P.v"));
    assertEquals(hex, Wires.write(size, out -> VarIntWire.write(out, value)));
    assertEquals(value, (int) Wires.<Integer>read(hex, in -> VarIntWire.read(in, "P.v")));
  }

  @ParameterizedTest
  @ValueSource(longs = {1L << 30, -(1L << 30) - 1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE})
  void checkRefusesOutOfRange(long value) {
    EncodeException e = assertThrows(EncodeException.class, () -> VarIntWire.check(value, "Move.dx"));
    assertEquals("Move.dx: " + value + " is out of range for varint (-1073741824..1073741823)", e.getMessage());
  }

  @Test
  void everyDecodableVaruintIsAVarintInRange() {
    assertEquals(VarIntWire.MAX, (int) Wires.<Integer>read("fe ff ff ff 07", in -> VarIntWire.read(in, "v")));
    assertEquals(VarIntWire.MIN, (int) Wires.<Integer>read("ff ff ff ff 07", in -> VarIntWire.read(in, "v")));
    DecodeException e = assertThrows(DecodeException.class, () -> VarIntWire.read(Wires.in("80 80 80 80 08"), "P.v"));
    assertEquals("P.v: varuint exceeds 2147483647 at byte 0", e.getMessage());
  }

  @Test
  void hydration() {
    assertEquals(-65, VarIntWire.hydrate(-65, "v"));
    assertEquals(-1073741824, VarIntWire.hydrate(-1073741824.0, "v"));
    assertEquals("P.v: 1073741824 is out of range for varint (-1073741824..1073741823)",
        assertThrows(HydrationException.class, () -> VarIntWire.hydrate(1 << 30, "P.v")).getMessage());
  }
}
