package dev.packets.wire;

/**
 * {@code uint8}: one unsigned byte, range 0..255.
 *
 * <p>Example: {@code 200} is written {@code c8}.
 */
public final class UInt8Wire {
  public static final String TYPE = "uint8";
  public static final int SIZE = 1;
  public static final long MIN = 0;
  public static final long MAX = 255;

  private UInt8Wire() {}

  /** Fails unless {@code value} is in range; returns it. */
  public static int check(int value, String path) {
    if (value < MIN || value > MAX) {
      throw Values.outOfRange(value, path, TYPE, "0..255");
    }
    return value;
  }

  public static void write(WireOut out, int value) {
    out.putByte(value);
  }

  public static int read(WireIn in, String path) {
    return in.getByte(path) & 0xFF;
  }

  public static int hydrate(Object value, String path) {
    return (int) Values.integral(value, path, TYPE, MIN, MAX);
  }
}
