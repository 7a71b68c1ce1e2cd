package dev.packets.wire;

/**
 * {@code int8}: one byte, two's complement, range -128..127.
 *
 * <p>Example: {@code -2} is written {@code fe}.
 */
public final class Int8Wire {
  public static final String TYPE = "int8";
  public static final int SIZE = 1;
  public static final long MIN = -128;
  public static final long MAX = 127;

  private Int8Wire() {}

  /** Fails unless {@code value} is in range; returns it. */
  public static int check(int value, String path) {
    if (value < MIN || value > MAX) {
      throw Values.outOfRange(value, path, TYPE, "-128..127");
    }
    return value;
  }

  public static void write(WireOut out, int value) {
    out.putByte(value);
  }

  public static int read(WireIn in, String path) {
    return in.getByte(path);
  }

  public static int hydrate(Object value, String path) {
    return (int) Values.integral(value, path, TYPE, MIN, MAX);
  }
}
