package dev.packets.wire;

import dev.packets.EncodeException;
import dev.packets.HydrationException;
import dev.packets.PacketLimits;
import java.util.List;
import java.util.Map;

/**
 * {@code buffer}: the byte length as a {@link VarUintWire varuint}, then the bytes.
 * Limit: {@link PacketLimits#maxBufferBytes()}.
 *
 * <p>Example: {@code new byte[] {1, 2, 3}} is written {@code 03 01 02 03}.
 */
public final class BufferWire {
  public static final String TYPE = "buffer";

  private BufferWire() {}

  /** Checks null and the limit; returns the encoded size, prefix included. */
  public static int size(byte[] value, PacketLimits limits, String path) {
    Values.required(value, path, TYPE);
    if (value.length > limits.maxBufferBytes()) {
      throw new EncodeException(path, "buffer of " + value.length + " bytes exceeds the limit of " + limits.maxBufferBytes());
    }
    return VarUintWire.size(value.length) + value.length;
  }

  public static void write(WireOut out, byte[] value) {
    out.putVarUint(value.length);
    out.putBytes(value, 0, value.length);
  }

  public static byte[] read(WireIn in, String path) {
    int length = in.getLength(path, in.limits().maxBufferBytes(), TYPE);
    return in.getBytes(length, path);
  }

  /**
   * Accepts a {@code byte[]}, a list of numbers 0..255, or Node's JSON form of a Buffer,
   * {@code {"type": "Buffer", "data": [..]}}.
   */
  public static byte[] hydrate(Object value, String path, PacketLimits limits) {
    if (value instanceof byte[] bytes) {
      checkLimit(bytes.length, path, limits);
      return bytes;
    }
    if (value instanceof Map<?, ?> map && "Buffer".equals(map.get("type")) && map.get("data") instanceof List<?> data) {
      return fromList(data, path, limits);
    }
    if (value instanceof List<?> list) {
      return fromList(list, path, limits);
    }
    if (value == null) {
      throw new HydrationException(path, "is missing; a buffer is required");
    }
    throw new HydrationException(path, Values.describe(value) + " is not a buffer (bytes or a list of 0..255)");
  }

  private static byte[] fromList(List<?> list, String path, PacketLimits limits) {
    checkLimit(list.size(), path, limits);
    byte[] out = new byte[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Values.integral(list.get(i), path + "[" + i + "]", "byte", 0, 255);
    }
    return out;
  }

  private static void checkLimit(int length, String path, PacketLimits limits) {
    if (length > limits.maxBufferBytes()) {
      throw new HydrationException(path, "buffer of " + length + " bytes exceeds the limit of " + limits.maxBufferBytes());
    }
  }
}
