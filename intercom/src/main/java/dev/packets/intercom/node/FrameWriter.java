package dev.packets.intercom.node;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array that frames are written into. */
public final class FrameWriter {
  private byte[] buf;
  private int size;

  public FrameWriter(int capacity) {
    buf = new byte[capacity];
  }

  public void u8(int value) {
    ensure(1);
    buf[size++] = (byte) value;
  }

  public void u16le(int value) {
    ensure(2);
    buf[size++] = (byte) value;
    buf[size++] = (byte) (value >>> 8);
  }

  /** An unsigned LEB128 varuint of up to 64 bits. */
  public void varuint(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      buf[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buf[size++] = (byte) value;
  }

  public void string(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    varuint(utf8.length);
    bytes(utf8);
  }

  public void bytes(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }
}
