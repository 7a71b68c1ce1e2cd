package dev.packets.wire;

import dev.packets.DecodeException;
import dev.packets.HydrationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java enum, an extension type: by ordinal as a {@link UInt8Wire uint8} (enums of at most 256 constants) or a
 * {@link VarUintWire varuint}, or by name as a {@link StringWire string} ({@code @ByName}). Dehydrated, and in
 * JavaScript, a constant is its name. In a schema: {@code ["enum", "uint8", ["NORTH", "EAST", …]]}, the constants
 * in ordinal order.
 *
 * <p>Example: {@code EAST} of {@code enum Heading {NORTH, EAST}} is written {@code 01} by ordinal and {@code 04 45 41
 * 53 54} by name.
 */
public final class EnumWire {
  public static final String TYPE = "enum";

  private EnumWire() {}

  /** The size of a constant written as a varuint ordinal. */
  public static int varUintSize(Enum<?> value) {
    return VarUintWire.size(value.ordinal());
  }

  public static void writeUInt8(WireOut out, Enum<?> value) {
    out.putByte(value.ordinal());
  }

  public static void writeVarUint(WireOut out, Enum<?> value) {
    out.putVarUint(value.ordinal());
  }

  public static <E extends Enum<E>> E readUInt8(WireIn in, String path, E[] constants) {
    int at = in.offset();
    return byOrdinal(in.getByte(path) & 0xFF, at, path, constants);
  }

  public static <E extends Enum<E>> E readVarUint(WireIn in, String path, E[] constants) {
    int at = in.offset();
    return byOrdinal(in.getVarUint(path), at, path, constants);
  }

  public static <E extends Enum<E>> E readName(WireIn in, String path, E[] constants) {
    int at = in.offset();
    String name = StringWire.read(in, path);
    E constant = byName(name, constants);
    if (constant == null) {
      throw new DecodeException(path, at, "unknown constant " + Values.describe(name) + " of "
          + constants.getClass().getComponentType().getSimpleName() + "; constants are " + names(constants));
    }
    return constant;
  }

  /** A constant from its name, or the constant itself. */
  public static <E extends Enum<E>> E hydrate(Object value, String path, E[] constants) {
    Class<?> type = constants.getClass().getComponentType();
    if (type.isInstance(value)) {
      return constants[((Enum<?>) value).ordinal()];
    }
    if (value == null) {
      throw new HydrationException(path, "is missing; " + Values.article(type.getSimpleName()) + " is required");
    }
    E constant = value instanceof String name ? byName(name, constants) : null;
    if (constant == null) {
      throw new HydrationException(path, Values.describe(value) + " is not " + Values.article(type.getSimpleName())
          + "; constants are " + names(constants));
    }
    return constant;
  }

  /** The constants' names in ordinal order, for a schema. */
  public static List<String> names(Enum<?>[] constants) {
    List<String> names = new ArrayList<>(constants.length);
    for (Enum<?> c : constants) {
      names.add(c.name());
    }
    return names;
  }

  private static <E extends Enum<E>> E byOrdinal(int ordinal, int at, String path, E[] constants) {
    if (ordinal >= constants.length) {
      throw new DecodeException(path, at, "ordinal " + ordinal + " is out of range for "
          + constants.getClass().getComponentType().getSimpleName() + " (0.." + (constants.length - 1) + ")");
    }
    return constants[ordinal];
  }

  private static <E extends Enum<E>> E byName(String name, E[] constants) {
    // a linear scan: enums are short, and a map would be one more thing per enum to build and keep
    for (E c : constants) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }
}
