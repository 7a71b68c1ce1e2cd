package dev.packets.wire;

/**
 * {@code uint32}: four bytes, big-endian unsigned, range 0..4294967295, carried in a {@code long}.
 *
 * <p>Example: {@code 4294967295L} is written {@code ff ff ff ff}.
 */
public final class UInt32Wire {
  public static final String TYPE = "uint32";
  public static final int SIZE = 4;
  public static final long MIN = 0;
  public static final long MAX = 0xFFFF_FFFFL;

  private UInt32Wire() {}

  public static long check(long value, String path) {
    if (value < MIN || value > MAX) {
      throw Values.outOfRange(value, path, TYPE, "0..4294967295");
    }
    return value;
  }

  public static void write(WireOut out, long value) {
    out.putInt((int) value);
  }

  public static long read(WireIn in, String path) {
    return in.getInt(path) & 0xFFFF_FFFFL;
  }

  public static long hydrate(Object value, String path) {
    return Values.integral(value, path, TYPE, MIN, MAX);
  }
}
