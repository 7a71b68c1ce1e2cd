package dev.packets.wire;

/**
 * {@code float64}: IEEE 754 double precision, eight bytes, big-endian. NaN is written in its canonical form
 * {@code 7f f8 00 00 00 00 00 00}.
 *
 * <p>Example: {@code 1.0} is written {@code 3f f0 00 00 00 00 00 00}.
 */
public final class Float64Wire {
  public static final String TYPE = "float64";
  public static final int SIZE = 8;

  private Float64Wire() {}

  public static void write(WireOut out, double value) {
    out.putLong(Double.doubleToLongBits(value));
  }

  public static double read(WireIn in, String path) {
    return Double.longBitsToDouble(in.getLong(path));
  }

  public static double hydrate(Object value, String path) {
    return Values.real(value, path, TYPE);
  }
}
