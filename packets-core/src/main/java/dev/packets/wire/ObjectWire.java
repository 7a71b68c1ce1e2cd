package dev.packets.wire;

import dev.packets.HydrationException;
import java.util.Map;
import java.util.Set;

/**
 * An object (a nested record) has no bytes of its own: its fields are inlined in the order of their wire names,
 * sorted by UTF-16 code units ({@code String.compareTo}). In a schema it is a map of wire name to field schema.
 *
 * <p>Example: {@code {str: uint8, agi: uint8, int: uint8}} holding 87, 42, 22 is written {@code 2a 16 57}
 * (agi, int, str).
 */
public final class ObjectWire {
  private ObjectWire() {}

  /** The dehydrated object, with no keys beyond {@code fields}. */
  public static Map<?, ?> hydrate(Object value, String path, Set<String> fields) {
    if (value instanceof Map<?, ?> map) {
      if (map.size() > fields.size() || !fields.containsAll(map.keySet())) {
        for (Object key : map.keySet()) {
          if (!fields.contains(key)) {
            // in wire order, so the message is the same on every run (the set's own order is not)
            throw new HydrationException(path, "unknown field " + Values.describe(key) + "; fields are "
                + new java.util.TreeSet<>(fields));
          }
        }
      }
      return map;
    }
    if (value == null) {
      throw new HydrationException(path, "is missing; an object is required");
    }
    throw new HydrationException(path, Values.describe(value) + " is not an object");
  }
}
