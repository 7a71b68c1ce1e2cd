package dev.packets.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A write cursor over a byte array that is already large enough: codecs measure a packet first (checking every
 * value and limit), size the output, then write. Nothing here checks ranges; the wire type classes do that while
 * measuring.
 */
public final class WireOut {
  private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] buf;
  private int pos;

  /** Writes into {@code buf} from {@code offset}. */
  public WireOut(byte[] buf, int offset) {
    this.buf = buf;
    this.pos = offset;
  }

  /** The index of the next byte to write. */
  public int position() {
    return pos;
  }

  public void putByte(int value) {
    buf[pos++] = (byte) value;
  }

  public void putShort(int value) {
    SHORT_BE.set(buf, pos, (short) value);
    pos += 2;
  }

  public void putInt(int value) {
    INT_BE.set(buf, pos, value);
    pos += 4;
  }

  public void putLong(long value) {
    LONG_BE.set(buf, pos, value);
    pos += 8;
  }

  /** Little-endian, for Bundle framing. */
  public void putShortLE(int value) {
    SHORT_LE.set(buf, pos, (short) value);
    pos += 2;
  }

  /** Little-endian, for Bundle framing. */
  public void putIntLE(int value) {
    INT_LE.set(buf, pos, value);
    pos += 4;
  }

  /** Overwrites four bytes at {@code index}, little-endian: a Bundle frame's length, known once its packet is written. */
  public void patchIntLE(int index, int value) {
    INT_LE.set(buf, index, value);
  }

  /** Writes {@code value} as a varuint; callers have checked that it is not negative. */
  public void putVarUint(int value) {
    while ((value & ~0x7F) != 0) {
      buf[pos++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buf[pos++] = (byte) value;
  }

  /** Writes {@code value} as a varuint64 (LEB128 of the 64 bits read as unsigned, at most ten bytes). */
  public void putVarUint64(long value) {
    while ((value & ~0x7FL) != 0) {
      buf[pos++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buf[pos++] = (byte) value;
  }

  public void putBytes(byte[] src, int offset, int length) {
    System.arraycopy(src, offset, buf, pos, length);
    pos += length;
  }

  /** Writes a string's UTF-8 bytes, whose length the caller has already written. */
  public void putUtf8(String value) {
    pos = Utf8.write(value, buf, pos);
  }

  byte[] array() {
    return buf;
  }

  void skip(int length) {
    pos += length;
  }
}
