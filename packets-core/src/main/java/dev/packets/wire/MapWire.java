package dev.packets.wire;

import dev.packets.DecodeException;
import dev.packets.EncodeException;
import dev.packets.HydrationException;
import dev.packets.PacketLimits;
import java.math.BigDecimal;
import java.util.Map;

/**
 * {@code map}, an extension type: the entry count as a {@link VarUintWire varuint}, then each entry's key and value,
 * in the map's iteration order. Keys are strings, numbers, booleans or enums; the count has the list limit ({@link
 * PacketLimits#maxListLength()}); a key that comes twice is a decoding error. In a schema: {@code ["map", key,
 * value]}. Dehydrated (and in JavaScript) a map is an object whose keys are the keys' text.
 *
 * <p>Example: {@code {"hp": 7}} as {@code ["map", "string", "uint8"]} is written {@code 01 02 68 70 07}.
 */
public final class MapWire {
  public static final String TYPE = "map";

  private MapWire() {}

  /** Checks null and the limit; returns the size of the count prefix. */
  public static int countSize(Map<?, ?> value, PacketLimits limits, String path) {
    Values.required(value, path, TYPE);
    int count = value.size();
    if (count > limits.maxListLength()) {
      throw new EncodeException(path, "map of " + count + " entries exceeds the limit of " + limits.maxListLength());
    }
    return VarUintWire.size(count);
  }

  public static void writeCount(WireOut out, Map<?, ?> value) {
    out.putVarUint(value.size());
  }

  /** Reads the count, checked against the list limit and, for entries of at least {@code minEntryBytes}, what is left. */
  public static int readCount(WireIn in, String path, int minEntryBytes) {
    return in.getCount(path, minEntryBytes, TYPE);
  }

  /** Puts a decoded entry, failing when its key came before. */
  public static <K, V> void put(Map<K, V> map, K key, V value, WireIn in, int keyAt, String path) {
    if (map.putIfAbsent(key, value) != null) {
      throw new DecodeException(path, keyAt, "key " + Values.describe(key) + " comes twice");
    }
  }

  /** Puts a hydrated entry, failing when its key came before (JSON keys "1" and "01" are both the number 1). */
  public static <K, V> void putHydrated(Map<K, V> map, K key, V value, String path) {
    if (map.putIfAbsent(key, value) != null) {
      throw new HydrationException(path, "key " + Values.describe(key) + " comes twice");
    }
  }

  /** The dehydrated map, checked against the list limit. */
  public static Map<?, ?> hydrate(Object value, String path, PacketLimits limits) {
    if (value instanceof Map<?, ?> map) {
      if (map.size() > limits.maxListLength()) {
        throw new HydrationException(path, "map of " + map.size() + " entries exceeds the limit of "
            + limits.maxListLength());
      }
      return map;
    }
    if (value == null) {
      throw new HydrationException(path, "is missing; a map is required");
    }
    throw new HydrationException(path, Values.describe(value) + " is not a map");
  }

  /**
   * A dehydrated key of a number type: JSON objects have text keys, so {@code "12"} is read as the number 12 (at
   * most 64 characters, no exponent); a number is taken as it is.
   */
  public static Object numberKey(Object key, String path) {
    if (key instanceof String text) {
      if (text.length() > 64 || !text.matches("-?[0-9]+")) {
        throw new HydrationException(path, "key " + Values.describe(text) + " is not an integer");
      }
      return new BigDecimal(text);
    }
    return key;
  }

  /** A dehydrated key of a boolean: {@code "true"} or {@code "false"}, or a boolean. */
  public static Object booleanKey(Object key, String path) {
    if ("true".equals(key) || "false".equals(key)) {
      return Boolean.valueOf((String) key);
    }
    return key;
  }
}
