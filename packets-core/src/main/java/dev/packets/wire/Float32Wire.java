package dev.packets.wire;

import dev.packets.HydrationException;

/**
 * {@code float32}: IEEE 754 single precision, four bytes, big-endian. NaN is written in its canonical form
 * {@code 7f c0 00 00}, as JavaScript's DataView does.
 *
 * <p>Example: {@code 188.5f} is written {@code 43 3c 80 00}.
 */
public final class Float32Wire {
  public static final String TYPE = "float32";
  public static final int SIZE = 4;

  private Float32Wire() {}

  public static void write(WireOut out, float value) {
    out.putInt(Float.floatToIntBits(value));
  }

  public static float read(WireIn in, String path) {
    return Float.intBitsToFloat(in.getInt(path));
  }

  /** A finite number beyond float32's range is refused rather than turned into an infinity. */
  public static float hydrate(Object value, String path) {
    double d = Values.real(value, path, TYPE);
    float f = (float) d;
    if (Float.isInfinite(f) && !Double.isInfinite(d)) {
      throw new HydrationException(path, Values.describe(value) + " is out of range for float32 (±3.4028235E38)");
    }
    return f;
  }
}
