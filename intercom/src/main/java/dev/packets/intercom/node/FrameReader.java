package dev.packets.intercom.node;

import dev.packets.DecodeException;
import java.nio.charset.StandardCharsets;

/** A bounds-checked read cursor over one frame; every error names the field and the byte offset. */
public final class FrameReader {
  private static final String PATH = "intercom frame";

  private final byte[] buf;
  private int pos;

  public FrameReader(byte[] buf) {
    this.buf = buf;
  }

  public int position() {
    return pos;
  }

  public byte[] array() {
    return buf;
  }

  public int u8(String field) {
    need(1, field);
    return buf[pos++] & 0xFF;
  }

  public int u16le(String field) {
    need(2, field);
    int value = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
    pos += 2;
    return value;
  }

  public long varuint(String field) {
    int start = pos;
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      need(1, field);
      byte b = buf[pos++];
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new DecodeException(PATH + "." + field, start, "varuint longer than 10 bytes");
  }

  public String string(String field, int maxBytes) {
    int start = pos;
    long length = varuint(field);
    if (length < 0 || length > maxBytes) {
      throw new DecodeException(PATH + "." + field, start, "string of " + Long.toUnsignedString(length) + " bytes exceeds the limit of "
          + maxBytes);
    }
    need((int) length, field);
    String value = new String(buf, pos, (int) length, StandardCharsets.UTF_8);
    pos += (int) length;
    return value;
  }

  public void skipToEnd() {
    pos = buf.length;
  }

  public void expectEnd(String field) {
    if (pos != buf.length) {
      throw new DecodeException(PATH + "." + field, pos, (buf.length - pos) + " trailing byte(s)");
    }
  }

  private void need(int n, String field) {
    if (n > buf.length - pos) {
      throw new DecodeException(PATH + "." + field, pos, "truncated: " + n + " byte(s) needed, " + (buf.length - pos)
          + " left");
    }
  }
}
