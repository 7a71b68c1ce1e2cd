package dev.packets.wire;

/**
 * {@code varint}: zigzag ({@code (n << 1) ^ (n >> 31)}: 0, -1, 1, -2 … become 0, 1, 2, 3 …), then a
 * {@link VarUintWire varuint}; range -2^30..2^30-1, at most five bytes.
 *
 * <p>Example: {@code -65} zigzags to {@code 129} and is written {@code 81 01}.
 */
public final class VarIntWire {
  public static final String TYPE = "varint";
  public static final long MIN = -(1L << 30);
  public static final long MAX = (1L << 30) - 1;

  private VarIntWire() {}

  /** Fails unless {@code value} is in -2^30..2^30-1; returns it as an int. */
  public static int check(long value, String path) {
    if (value < MIN || value > MAX) {
      throw Values.outOfRange(value, path, TYPE, "-1073741824..1073741823");
    }
    return (int) value;
  }

  /** The size of a value already checked. */
  public static int size(int value) {
    return VarUintWire.size((value << 1) ^ (value >> 31));
  }

  public static void write(WireOut out, int value) {
    out.putVarUint((value << 1) ^ (value >> 31));
  }

  public static int read(WireIn in, String path) {
    int zigzag = in.getVarUint(path);
    return (zigzag >>> 1) ^ -(zigzag & 1);
  }

  public static int hydrate(Object value, String path) {
    return (int) Values.integral(value, path, TYPE, MIN, MAX);
  }
}
