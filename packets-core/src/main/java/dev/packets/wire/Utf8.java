package dev.packets.wire;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 as JavaScript writes it: a lone surrogate becomes U+FFFD ({@code ef bf bd}) rather than Java's {@code ?}.
 */
public final class Utf8 {
  private Utf8() {}

  /** The number of bytes {@link #write} produces for {@code s}. */
  public static int length(String s) {
    int n = s.length();
    int bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          bytes += 2; // four bytes for two chars
          i++;
        } else {
          bytes += 2; // three bytes: BMP character, or U+FFFD for a lone surrogate
        }
      }
    }
    return bytes;
  }

  /** Writes {@code s} into {@code buf} from {@code pos}; returns the index after the last byte. */
  public static int write(String s, byte[] buf, int pos) {
    int n = s.length();
    int i = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        break;
      }
      buf[pos++] = (byte) c;
    }
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        buf[pos++] = (byte) c;
      } else if (c < 0x800) {
        buf[pos++] = (byte) (0xC0 | (c >> 6));
        buf[pos++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          buf[pos++] = (byte) (0xF0 | (cp >> 18));
          buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          buf[pos++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          buf[pos++] = (byte) 0xEF;
          buf[pos++] = (byte) 0xBF;
          buf[pos++] = (byte) 0xBD;
        }
      } else {
        buf[pos++] = (byte) (0xE0 | (c >> 12));
        buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[pos++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return pos;
  }

  /** Encodes {@code s} into a new array. */
  public static byte[] bytes(String s) {
    byte[] out = new byte[length(s)];
    write(s, out, 0);
    return out;
  }

  /**
   * Decodes UTF-8; malformed sequences become U+FFFD, as in JavaScript's decoder. Java's decoder agrees with it
   * except on an encoded surrogate ({@code ed a0 80}): Java replaces the three bytes with one U+FFFD, JavaScript
   * (WHATWG) with three, since {@code ed} may only be followed by {@code 80..9f}. Those are decoded here.
   */
  public static String read(byte[] buf, int offset, int length) {
    int end = offset + length;
    int surrogate = encodedSurrogate(buf, offset, end);
    if (surrogate < 0) {
      return new String(buf, offset, length, StandardCharsets.UTF_8);
    }
    StringBuilder out = new StringBuilder(length);
    int from = offset;
    while (surrogate >= 0) {
      out.append(new String(buf, from, surrogate - from, StandardCharsets.UTF_8)).append('\ufffd');
      from = surrogate + 1; // its continuation bytes, alone now, decode to one U+FFFD each
      surrogate = encodedSurrogate(buf, from, end);
    }
    return out.append(new String(buf, from, end - from, StandardCharsets.UTF_8)).toString();
  }

  /** The index of the next {@code ed} followed by {@code a0..bf} (an encoded surrogate), or -1. */
  private static int encodedSurrogate(byte[] buf, int from, int end) {
    for (int i = from; i < end - 1; i++) {
      if (buf[i] == (byte) 0xed && (buf[i + 1] & 0xe0) == 0xa0) {
        return i;
      }
    }
    return -1;
  }
}
