package dev.packets.wire;

/**
 * {@code int64}, an extension type: eight bytes, big-endian two's complement.
 *
 * <p>Example: {@code -2L} is written {@code ff ff ff ff ff ff ff fe}; {@code Long.MIN_VALUE} {@code 80 00 00 00 00 00
 * 00 00}.
 */
public final class Int64Wire {
  public static final String TYPE = "int64";
  public static final int SIZE = 8;
  public static final long MIN = Long.MIN_VALUE;
  public static final long MAX = Long.MAX_VALUE;

  private Int64Wire() {}

  public static void write(WireOut out, long value) {
    out.putLong(value);
  }

  public static long read(WireIn in, String path) {
    return in.getLong(path);
  }

  public static long hydrate(Object value, String path) {
    return Values.integral(value, path, TYPE, MIN, MAX);
  }
}
