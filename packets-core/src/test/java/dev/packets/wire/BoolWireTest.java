package dev.packets.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.DecodeException;
import dev.packets.HydrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** bool: one byte, 01/00; any non-zero byte reads as true. */
class BoolWireTest {

  @Test
  void writesOneByte() {
    assertEquals("01", Wires.write(BoolWire.SIZE, out -> BoolWire.write(out, true)));
    assertEquals("00", Wires.write(BoolWire.SIZE, out -> BoolWire.write(out, false)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"01", "02", "7f", "80", "ff"})
  void anyNonZeroByteIsTrue(String hex) {
    assertTrue(Wires.<Boolean>read(hex, in -> BoolWire.read(in, "P.b")));
  }

  @Test
  void zeroIsFalse() {
    assertFalse(Wires.<Boolean>read("00", in -> BoolWire.read(in, "P.b")));
  }

  @Test
  void emptyInputIsTruncated() {
    DecodeException e = assertThrows(DecodeException.class, () -> BoolWire.read(Wires.in(""), "P.b"));
    assertEquals("P.b", e.path());
    assertEquals(0, e.offset());
  }

  @Test
  void hydratesOnlyBooleans() {
    assertTrue(BoolWire.hydrate(true, "P.b"));
    assertFalse(BoolWire.hydrate(Boolean.FALSE, "P.b"));
    assertEquals("P.b: 1 is not a boolean (bool)",
        assertThrows(HydrationException.class, () -> BoolWire.hydrate(1, "P.b")).getMessage());
    assertEquals("P.b: \"true\" is not a boolean (bool)",
        assertThrows(HydrationException.class, () -> BoolWire.hydrate("true", "P.b")).getMessage());
    assertEquals("P.b: is missing; a bool is required",
        assertThrows(HydrationException.class, () -> BoolWire.hydrate(null, "P.b")).getMessage());
  }
}
