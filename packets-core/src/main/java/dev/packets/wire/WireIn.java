package dev.packets.wire;

import dev.packets.DecodeException;
import dev.packets.PacketLimits;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A read cursor over a range of a byte array. Every read checks what remains first and fails with a
 * {@link DecodeException} naming the field path and the byte offset; every length prefix is checked against the
 * limits and the bytes that remain before anything is allocated.
 */
public final class WireIn {
  private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] buf;
  private final int base;
  private final int limit;
  private final PacketLimits limits;
  private final int bundleDepth;
  /**
   * What this packet's reader and all its slices have spent: packets in Bundles, items that take no bytes. Made on
   * first use (most packets have neither), then shared with the slices made after.
   */
  private Spent spent;
  private int pos;

  /** Counts shared by a reader and its slices, so that nesting cannot multiply a limit. */
  private static final class Spent {
    int bundlePackets;
    long emptyItems;
  }

  /** Reads {@code length} bytes of {@code buf} from {@code offset}; offsets in errors count from {@code offset}. */
  public WireIn(byte[] buf, int offset, int length, PacketLimits limits) {
    this(buf, offset, offset, offset + length, limits, 0, null);
  }

  private Spent spent() {
    if (spent == null) {
      spent = new Spent();
    }
    return spent;
  }

  private WireIn(byte[] buf, int base, int pos, int limit, PacketLimits limits, int bundleDepth, Spent spent) {
    if (offsetOutside(buf, pos, limit)) {
      throw new IndexOutOfBoundsException("range " + pos + ".." + limit + " of " + buf.length + " bytes");
    }
    this.buf = buf;
    this.base = base;
    this.pos = pos;
    this.limit = limit;
    this.limits = limits;
    this.bundleDepth = bundleDepth;
    this.spent = spent;
  }

  private static boolean offsetOutside(byte[] buf, int from, int to) {
    return from < 0 || to < from || to > buf.length;
  }

  public PacketLimits limits() {
    return limits;
  }

  /** How deep in Bundles this reader is: 0 for a top-level packet. */
  public int bundleDepth() {
    return bundleDepth;
  }

  /** The offset of the next byte, counted from the packet's first byte. */
  public int offset() {
    return pos - base;
  }

  public int remaining() {
    return limit - pos;
  }

  /** Fails unless every byte was read. */
  public void expectEnd(String path) {
    if (pos != limit) {
      throw new DecodeException(path, offset(), (limit - pos) + " trailing byte(s) after the packet");
    }
  }

  private int take(int n, String path) {
    int at = pos;
    if (limit - at < n) {
      throw new DecodeException(path, offset(), "truncated input: needs " + n + " byte(s), " + (limit - at) + " left");
    }
    pos = at + n;
    return at;
  }

  public byte getByte(String path) {
    return buf[take(1, path)];
  }

  public short getShort(String path) {
    return (short) SHORT_BE.get(buf, take(2, path));
  }

  public int getInt(String path) {
    return (int) INT_BE.get(buf, take(4, path));
  }

  public long getLong(String path) {
    return (long) LONG_BE.get(buf, take(8, path));
  }

  public int getShortLE(String path) {
    return ((short) SHORT_LE.get(buf, take(2, path))) & 0xFFFF;
  }

  public int getIntLE(String path) {
    return (int) INT_LE.get(buf, take(4, path));
  }

  /** Reads a varuint64 of at most ten bytes: 64 bits, read as unsigned (the tenth byte holds only the top bit). */
  public long getVarUint64(String path) {
    int at = pos;
    long result = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      if (at >= limit) {
        throw new DecodeException(path, offset(), "truncated varuint64");
      }
      int b = buf[at++];
      result |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        if (shift == 63 && b > 1) {
          throw new DecodeException(path, offset(), "varuint64 exceeds 18446744073709551615");
        }
        pos = at;
        return result;
      }
    }
    throw new DecodeException(path, offset(), "varuint64 longer than 10 bytes");
  }

  /** Reads a varuint of at most five bytes whose value fits 0..2^31-1. */
  public int getVarUint(String path) {
    int at = pos;
    int result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (at >= limit) {
        throw new DecodeException(path, offset(), "truncated varuint");
      }
      int b = buf[at++];
      result |= (b & 0x7F) << shift;
      if (b >= 0) {
        if (shift == 28 && (b & 0x7F) > 0x07) {
          throw new DecodeException(path, offset(), "varuint exceeds 2147483647");
        }
        pos = at;
        return result;
      }
    }
    throw new DecodeException(path, offset(), "varuint longer than 5 bytes");
  }

  /**
   * Reads a varuint length prefix and checks it against {@code max} and the bytes left; returns the length.
   *
   * @param what names the limit in the error, e.g. {@code string}
   */
  public int getLength(String path, int max, String what) {
    int start = offset();
    int length = getVarUint(path);
    if (length > max) {
      throw new DecodeException(path, start, what + " of " + length + " bytes exceeds the limit of " + max);
    }
    if (length > remaining()) {
      throw new DecodeException(path, start, what + " of " + length + " bytes, but only " + remaining() + " left");
    }
    return length;
  }

  /**
   * Reads a list's item count and checks it against the list limit and, where each item takes at least
   * {@code minItemBytes}, against the bytes left.
   */
  public int getCount(String path, int minItemBytes) {
    return getCount(path, minItemBytes, "list");
  }

  /** Reads a count of a {@code noun} ("list" of items or "map" of entries), checked as {@link #getCount(String, int)}. */
  public int getCount(String path, int minItemBytes, String noun) {
    int start = offset();
    int count = getVarUint(path);
    if (count > limits.maxListLength()) {
      throw countError(path, start, noun, count, "exceeds the limit of " + limits.maxListLength());
    }
    if (minItemBytes > 0 && (long) count * minItemBytes > remaining()) {
      throw countError(path, start, noun, count, "needs at least " + ((long) count * minItemBytes)
          + " bytes, but only " + remaining() + " left");
    }
    if (minItemBytes <= 0) {
      // items that may take no bytes (empty records) are not bounded by the input's length: a few bytes of nested
      // counts could otherwise ask for billions of objects, so all such items of one packet share the list limit
      Spent spent = spent();
      spent.emptyItems += count;
      if (spent.emptyItems > limits.maxListLength()) {
        throw countError(path, start, noun, count, "that take no bytes: more than " + limits.maxListLength()
            + " such items in one packet");
      }
    }
    return count;
  }

  /** "list of 40000 items needs …": built only when a count is refused (the hot path builds no string). */
  private static DecodeException countError(String path, int at, String noun, int count, String what) {
    return new DecodeException(path, at, noun + " of " + count + (noun.equals("map") ? " entries " : " items ")
        + what);
  }


  /** Reads {@code length} bytes already checked by {@link #getLength} into a new array. */
  public byte[] getBytes(int length, String path) {
    int at = take(length, path);
    byte[] out = new byte[length];
    System.arraycopy(buf, at, out, 0, length);
    return out;
  }

  /** Decodes {@code length} bytes already checked by {@link #getLength} as UTF-8; malformed input becomes U+FFFD. */
  public String getUtf8(int length, String path) {
    int at = take(length, path);
    return Utf8.read(buf, at, length);
  }

  /**
   * Returns a reader of the next {@code length} bytes, at Bundle depth {@code bundleDepth}, with offsets still
   * counted from this packet's first byte, and skips them here.
   */
  public WireIn slice(int length, int bundleDepth, String path) {
    int at = take(length, path);
    return new WireIn(buf, base, at, at + length, limits, bundleDepth, spent());
  }

  /**
   * Counts one more packet read from a Bundle (at any depth) and fails past
   * {@link PacketLimits#maxBundlePackets()}.
   */
  public void countBundlePacket(String path) {
    if (++spent().bundlePackets > limits.maxBundlePackets()) {
      throw new DecodeException(path, offset(), "Bundle of more than " + limits.maxBundlePackets()
          + " packets exceeds the limit");
    }
  }

  /** The backing array and the absolute index of the next byte, for codecs that parse a range in place. */
  byte[] array() {
    return buf;
  }

  int absolutePosition() {
    return pos;
  }

  void skip(int n, String path) {
    take(n, path);
  }
}
