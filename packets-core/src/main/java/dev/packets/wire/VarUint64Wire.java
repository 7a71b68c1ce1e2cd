package dev.packets.wire;

/**
 * {@code varuint64}, an extension type: LEB128 like {@link VarUintWire varuint} over all 64 bits of a {@code long}
 * read as unsigned, range 0..2^64-1, at most ten bytes (the tenth holds only bit 63).
 *
 * <table>
 *   <caption>Sizes</caption>
 *   <tr><th>value</th><th>bytes</th></tr>
 *   <tr><td>0..2^7-1</td><td>1</td></tr>
 *   <tr><td>2^(7k-7)..2^(7k)-1</td><td>k, for k = 2..9</td></tr>
 *   <tr><td>2^63..2^64-1</td><td>10</td></tr>
 * </table>
 *
 * <p>Example: {@code 300} is written {@code ac 02}; {@code 2^64-1} ({@code -1L}) {@code ff ff ff ff ff ff ff ff ff
 * 01}.
 */
public final class VarUint64Wire {
  public static final String TYPE = "varuint64";

  private VarUint64Wire() {}

  /** The size of any value: every {@code long} is in range. */
  public static int size(long value) {
    int bits = 64 - Long.numberOfLeadingZeros(value | 1);
    return (bits + 6) / 7;
  }

  public static void write(WireOut out, long value) {
    out.putVarUint64(value);
  }

  public static long read(WireIn in, String path) {
    return in.getVarUint64(path);
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
