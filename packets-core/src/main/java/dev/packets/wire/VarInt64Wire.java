package dev.packets.wire;

/**
 * {@code varint64}, an extension type: zigzag over 64 bits ({@code (n << 1) ^ (n >> 63)}: 0, -1, 1, -2 … become 0,
 * 1, 2, 3 …), then a {@link VarUint64Wire varuint64}; every {@code long}, at most ten bytes.
 *
 * <p>Example: {@code -65} zigzags to {@code 129} and is written {@code 81 01}; {@code Long.MIN_VALUE} zigzags to
 * 2^64-1 and is written {@code ff ff ff ff ff ff ff ff ff 01}.
 */
public final class VarInt64Wire {
  public static final String TYPE = "varint64";

  private VarInt64Wire() {}

  public static int size(long value) {
    return VarUint64Wire.size((value << 1) ^ (value >> 63));
  }

  public static void write(WireOut out, long value) {
    out.putVarUint64((value << 1) ^ (value >> 63));
  }

  public static long read(WireIn in, String path) {
    long zigzag = in.getVarUint64(path);
    return (zigzag >>> 1) ^ -(zigzag & 1);
  }

  public static long hydrate(Object value, String path) {
    return Values.integral(value, path, TYPE, Long.MIN_VALUE, Long.MAX_VALUE);
  }
}
