package dev.packets.wire;

/**
 * {@code varuint}: LEB128, seven bits a byte, low group first, the high bit set on every byte but the last;
 * range 0..2^31-1, so at most five bytes.
 *
 * <table>
 *   <caption>Sizes</caption>
 *   <tr><th>value</th><th>bytes</th></tr>
 *   <tr><td>0..127</td><td>1</td></tr>
 *   <tr><td>128..16383</td><td>2</td></tr>
 *   <tr><td>16384..2097151</td><td>3</td></tr>
 *   <tr><td>2097152..268435455</td><td>4</td></tr>
 *   <tr><td>268435456..2147483647</td><td>5</td></tr>
 * </table>
 *
 * <p>Example: {@code 300} = {@code 0b10_0101100} is written {@code ac 02}.
 */
public final class VarUintWire {
  public static final String TYPE = "varuint";
  public static final long MIN = 0;
  public static final long MAX = Integer.MAX_VALUE;

  private VarUintWire() {}

  /** Fails unless {@code value} is in 0..2^31-1; returns its size. */
  public static int size(int value, String path) {
    if (value < 0) {
      throw Values.outOfRange(value, path, TYPE, "0..2147483647");
    }
    return size(value);
  }

  /** Fails unless {@code value} is in 0..2^31-1; returns it as an int. */
  public static int check(long value, String path) {
    if (value < MIN || value > MAX) {
      throw Values.outOfRange(value, path, TYPE, "0..2147483647");
    }
    return (int) value;
  }

  /** The size of a value already checked. */
  public static int size(int value) {
    return value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : value < 1 << 28 ? 4 : 5;
  }

  public static void write(WireOut out, int value) {
    out.putVarUint(value);
  }

  public static int read(WireIn in, String path) {
    return in.getVarUint(path);
  }

  public static int hydrate(Object value, String path) {
    return (int) Values.integral(value, path, TYPE, MIN, MAX);
  }
}
