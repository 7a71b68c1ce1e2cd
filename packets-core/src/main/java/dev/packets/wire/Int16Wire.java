package dev.packets.wire;

/**
 * {@code int16}: two bytes, big-endian two's complement, range -32768..32767.
 *
 * <p>Example: {@code -540} is written {@code fd e4}.
 */
public final class Int16Wire {
  public static final String TYPE = "int16";
  public static final int SIZE = 2;
  public static final long MIN = -32768;
  public static final long MAX = 32767;

  private Int16Wire() {}

  /** Fails unless {@code value} is in range; returns it. */
  public static int check(int value, String path) {
    if (value < MIN || value > MAX) {
      throw Values.outOfRange(value, path, TYPE, "-32768..32767");
    }
    return value;
  }

  public static void write(WireOut out, int value) {
    out.putShort(value);
  }

  public static int read(WireIn in, String path) {
    return in.getShort(path);
  }

  public static int hydrate(Object value, String path) {
    return (int) Values.integral(value, path, TYPE, MIN, MAX);
  }
}
