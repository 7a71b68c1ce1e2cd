package dev.packets.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.DecodeException;
import dev.packets.HydrationException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** float32 and float64: IEEE 754 big-endian, canonical NaN, signed zero kept. */
class FloatWiresTest {

  @ParameterizedTest(name = "float32 {0} <-> {1}")
  @CsvSource({
      "188.5, 43 3c 80 00",
      "0.0, 00 00 00 00",
      "-0.0, 80 00 00 00",
      "1.0, 3f 80 00 00",
      "-2.0, c0 00 00 00",
      "3.4028235E38, 7f 7f ff ff",
      "-3.4028235E38, ff 7f ff ff",
      "1.4E-45, 00 00 00 01",
      "1.17549435E-38, 00 80 00 00",
      "Infinity, 7f 80 00 00",
      "-Infinity, ff 80 00 00",
      "NaN, 7f c0 00 00",
  })
  void float32(float value, String hex) {
    assertEquals(hex, Wires.write(Float32Wire.SIZE, out -> Float32Wire.write(out, value)));
    float back = Wires.read(hex, in -> Float32Wire.read(in, "P.f"));
    assertEquals(Float.floatToIntBits(value), Float.floatToIntBits(back));
  }

  @ParameterizedTest(name = "float64 {0} <-> {1}")
  @CsvSource({
      "1.0, 3f f0 00 00 00 00 00 00",
      "0.0, 00 00 00 00 00 00 00 00",
      "-0.0, 80 00 00 00 00 00 00 00",
      "0.1, 3f b9 99 99 99 99 99 9a",
      "188.5, 40 67 90 00 00 00 00 00",
      "1.7976931348623157E308, 7f ef ff ff ff ff ff ff",
      "-1.7976931348623157E308, ff ef ff ff ff ff ff ff",
      "4.9E-324, 00 00 00 00 00 00 00 01",
      "Infinity, 7f f0 00 00 00 00 00 00",
      "-Infinity, ff f0 00 00 00 00 00 00",
      "NaN, 7f f8 00 00 00 00 00 00",
  })
  void float64(double value, String hex) {
    assertEquals(hex, Wires.write(Float64Wire.SIZE, out -> Float64Wire.write(out, value)));
    double back = Wires.read(hex, in -> Float64Wire.read(in, "P.f"));
    assertEquals(Double.doubleToLongBits(value), Double.doubleToLongBits(back));
  }

  @Test
  void nonCanonicalNanReadsAsNan() {
    assertTrue(Float.isNaN(Wires.read("7f c0 00 01", in -> Float32Wire.read(in, "f"))));
    assertTrue(Double.isNaN(Wires.read("ff f8 00 00 00 00 00 01", in -> Float64Wire.read(in, "f"))));
  }

  @Test
  void truncated() {
    for (int have = 0; have < 8; have++) {
      String hex = "00".repeat(have);
      if (have < 4) {
        DecodeException e = assertThrows(DecodeException.class, () -> Float32Wire.read(Wires.in(hex), "P.f"));
        assertEquals(0, e.offset());
      }
      DecodeException e = assertThrows(DecodeException.class, () -> Float64Wire.read(Wires.in(hex), "P.d"));
      assertEquals("P.d: truncated input: needs 8 byte(s), " + have + " left at byte 0", e.getMessage());
    }
  }

  @Test
  void hydratesAnyNumber() {
    assertEquals(1.5f, Float32Wire.hydrate(1.5, "f"));
    assertEquals(2f, Float32Wire.hydrate(2, "f"));
    assertEquals(2f, Float32Wire.hydrate(2L, "f"));
    assertEquals(0.25f, Float32Wire.hydrate(new BigDecimal("0.25"), "f"));
    assertEquals(Float.MAX_VALUE, Float32Wire.hydrate((double) Float.MAX_VALUE, "f"));
    assertEquals(Float.POSITIVE_INFINITY, Float32Wire.hydrate(Double.POSITIVE_INFINITY, "f"));
    assertTrue(Float.isNaN(Float32Wire.hydrate(Double.NaN, "f")));
    assertEquals(0.1, Float64Wire.hydrate(0.1, "d"));
    assertEquals(7.0, Float64Wire.hydrate(7, "d"));
    assertEquals(0.5, Float64Wire.hydrate(0.5f, "d"));
    assertEquals(9.007199254740992E15, Float64Wire.hydrate(9007199254740992L, "d"));
  }

  @Test
  void hydrationRefusesWhatIsNotAFloat() {
    assertEquals("P.f: 3.5E38 is out of range for float32 (±3.4028235E38)",
        assertThrows(HydrationException.class, () -> Float32Wire.hydrate(3.5e38, "P.f")).getMessage());
    assertEquals("P.f: -1.0E300 is out of range for float32 (±3.4028235E38)",
        assertThrows(HydrationException.class, () -> Float32Wire.hydrate(-1e300, "P.f")).getMessage());
    assertEquals("P.f: \"1.5\" is not a number (float32)",
        assertThrows(HydrationException.class, () -> Float32Wire.hydrate("1.5", "P.f")).getMessage());
    assertEquals("P.f: is missing; a float32 is required",
        assertThrows(HydrationException.class, () -> Float32Wire.hydrate(null, "P.f")).getMessage());
    assertEquals("P.d: true is not a number (float64)",
        assertThrows(HydrationException.class, () -> Float64Wire.hydrate(true, "P.d")).getMessage());
    assertEquals("P.d: is missing; a float64 is required",
        assertThrows(HydrationException.class, () -> Float64Wire.hydrate(null, "P.d")).getMessage());
  }
}
