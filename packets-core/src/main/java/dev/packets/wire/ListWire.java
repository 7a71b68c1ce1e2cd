package dev.packets.wire;

import dev.packets.EncodeException;
import dev.packets.HydrationException;
import dev.packets.PacketLimits;
import java.util.List;

/**
 * {@code array}: the item count as a {@link VarUintWire varuint}, then each item. In a schema an array is a list
 * of one element schema: {@code ["int16"]}. Limit: {@link PacketLimits#maxListLength()}.
 *
 * <p>Example: {@code [-540, 343, 1201]} as {@code ["int16"]} is written {@code 03 fd e4 01 57 04 b1}.
 */
public final class ListWire {
  public static final String TYPE = "array";

  private ListWire() {}

  /** Checks null and the limit; returns the size of the count prefix. */
  public static int countSize(List<?> value, PacketLimits limits, String path) {
    Values.required(value, path, "list");
    int count = value.size();
    if (count > limits.maxListLength()) {
      throw new EncodeException(path, "list of " + count + " items exceeds the limit of " + limits.maxListLength());
    }
    return VarUintWire.size(count);
  }

  public static void writeCount(WireOut out, List<?> value) {
    out.putVarUint(value.size());
  }

  /** Reads the count, checked against the list limit and, for items of at least {@code minItemBytes}, what is left. */
  public static int readCount(WireIn in, String path, int minItemBytes) {
    return in.getCount(path, minItemBytes);
  }

  /** The dehydrated list, checked against the list limit. */
  public static List<?> hydrate(Object value, String path, PacketLimits limits) {
    if (value instanceof List<?> list) {
      if (list.size() > limits.maxListLength()) {
        throw new HydrationException(path, "list of " + list.size() + " items exceeds the limit of " + limits.maxListLength());
      }
      return list;
    }
    if (value == null) {
      throw new HydrationException(path, "is missing; a list is required");
    }
    throw new HydrationException(path, Values.describe(value) + " is not a list");
  }

  /** Fails when a list item is null. */
  public static <T> T item(T value, String path, String wireType) {
    return Values.required(value, path, wireType);
  }
}
