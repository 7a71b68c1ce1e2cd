package dev.packets.wire;

import dev.packets.HydrationException;

/**
 * {@code bool}: one byte, {@code 01} for true and {@code 00} for false; any non-zero byte decodes as true.
 *
 * <p>Example: {@code true} is written {@code 01}.
 */
public final class BoolWire {
  public static final String TYPE = "bool";
  public static final int SIZE = 1;

  private BoolWire() {}

  public static void write(WireOut out, boolean value) {
    out.putByte(value ? 1 : 0);
  }

  public static boolean read(WireIn in, String path) {
    return in.getByte(path) != 0;
  }

  public static boolean hydrate(Object value, String path) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value == null) {
      throw new HydrationException(path, "is missing; a bool is required");
    }
    throw new HydrationException(path, Values.describe(value) + " is not a boolean (bool)");
  }
}
