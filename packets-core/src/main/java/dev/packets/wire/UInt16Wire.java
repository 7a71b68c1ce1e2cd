package dev.packets.wire;

/**
 * {@code uint16}: two bytes, big-endian unsigned, range 0..65535.
 *
 * <p>Example: {@code 1201} is written {@code 04 b1}.
 */
public final class UInt16Wire {
  public static final String TYPE = "uint16";
  public static final int SIZE = 2;
  public static final long MIN = 0;
  public static final long MAX = 65535;

  private UInt16Wire() {}

  /** Fails unless {@code value} is in range; returns it. */
  public static int check(int value, String path) {
    if (value < MIN || value > MAX) {
      throw Values.outOfRange(value, path, TYPE, "0..65535");
    }
    return value;
  }

  public static void write(WireOut out, int value) {
    out.putShort(value);
  }

  public static int read(WireIn in, String path) {
    return in.getShort(path) & 0xFFFF;
  }

  public static int hydrate(Object value, String path) {
    return (int) Values.integral(value, path, TYPE, MIN, MAX);
  }
}
