package dev.packets.wire;

/**
 * {@code int32}: four bytes, big-endian two's complement.
 *
 * <p>Example: {@code -2} is written {@code ff ff ff fe}.
 */
public final class Int32Wire {
  public static final String TYPE = "int32";
  public static final int SIZE = 4;
  public static final long MIN = Integer.MIN_VALUE;
  public static final long MAX = Integer.MAX_VALUE;

  private Int32Wire() {}

  public static void write(WireOut out, int value) {
    out.putInt(value);
  }

  public static int read(WireIn in, String path) {
    return in.getInt(path);
  }

  public static int hydrate(Object value, String path) {
    return (int) Values.integral(value, path, TYPE, MIN, MAX);
  }
}
