package dev.packets.wire;

import dev.packets.EncodeException;
import dev.packets.HydrationException;
import dev.packets.PacketLimits;

/**
 * {@code string}: the UTF-8 byte length as a {@link VarUintWire varuint}, then the UTF-8 bytes. A lone surrogate
 * is written as U+FFFD ({@code ef bf bd}), as JavaScript does; malformed UTF-8 decodes to U+FFFD.
 * Limit: {@link PacketLimits#maxStringBytes()}.
 *
 * <p>Example: {@code "é"} is written {@code 02 c3 a9}.
 */
public final class StringWire {
  public static final String TYPE = "string";

  private StringWire() {}

  /** Checks null and the limit; returns the encoded size, prefix included. */
  public static int size(String value, PacketLimits limits, String path) {
    Values.required(value, path, TYPE);
    int length = Utf8.length(value);
    if (length > limits.maxStringBytes()) {
      throw new EncodeException(path, "string of " + length + " UTF-8 bytes exceeds the limit of " + limits.maxStringBytes());
    }
    return VarUintWire.size(length) + length;
  }

  public static void write(WireOut out, String value) {
    int chars = value.length();
    if (chars < 43) { // at most 126 bytes: the prefix is one byte, so write the text and fill the prefix in after
      byte[] buf = out.array();
      int at = out.position();
      out.skip(1);
      out.putUtf8(value);
      buf[at] = (byte) (out.position() - at - 1);
    } else {
      out.putVarUint(Utf8.length(value));
      out.putUtf8(value);
    }
  }

  public static String read(WireIn in, String path) {
    int length = in.getLength(path, in.limits().maxStringBytes(), TYPE);
    return in.getUtf8(length, path);
  }

  public static String hydrate(Object value, String path, PacketLimits limits) {
    if (value instanceof String s) {
      if (s.length() > limits.maxStringBytes() || Utf8.length(s) > limits.maxStringBytes()) {
        throw new HydrationException(path, "string of " + Utf8.length(s) + " UTF-8 bytes exceeds the limit of "
            + limits.maxStringBytes());
      }
      return s;
    }
    if (value == null) {
      throw new HydrationException(path, "is missing; a string is required");
    }
    throw new HydrationException(path, Values.describe(value) + " is not a string");
  }
}
