package dev.packets.wire;

/**
 * {@code uint64}, an extension type: eight bytes, big-endian unsigned, range 0..2^64-1, carried in a {@code long}
 * whose 64 bits are read as unsigned ({@code -1L} is 2^64-1; see {@link Long#toUnsignedString(long)}).
 *
 * <p>Example: {@code 2^64-1} ({@code -1L}) is written {@code ff ff ff ff ff ff ff ff}; {@code 2^63} ({@code
 * Long.MIN_VALUE}) {@code 80 00 00 00 00 00 00 00}.
 */
public final class UInt64Wire {
  public static final String TYPE = "uint64";
  public static final int SIZE = 8;

  private UInt64Wire() {}

  public static void write(WireOut out, long value) {
    out.putLong(value);
  }

  public static long read(WireIn in, String path) {
    return in.getLong(path);
  }

  /** A JSON-like number in 0..2^64-1, as the bits of a {@code long}. */
  public static long hydrate(Object value, String path) {
    return Values.unsigned64(value, path, TYPE);
  }

  /** The value as a JSON-like number: a {@code Long} up to 2^63-1, a {@code BigInteger} above. */
  public static Object dehydrate(long value) {
    return Values.unsigned64(value);
  }
}
