package dev.packets.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds and reads schemas as JSON-like data. schemapack's own shapes: a wire type's name ({@code "int16"}), an
 * object ({@code {name: schema, …}}) and a list (a list of one item schema, {@code ["int16"]}). packets' extensions
 * (docs/wire-format.md §8) are lists of more than one item that start with their tag, so no schemapack shape is
 * mistaken for one: {@code ["optional", schema]}, {@code ["enum", "uint8" | "varuint" | "string", [names…]]} and
 * {@code ["map", key schema, value schema]}.
 */
public final class Schemas {
  public static final String OPTIONAL = "optional";
  public static final String ENUM = "enum";
  public static final String MAP = "map";

  private Schemas() {}

  /** An object schema from alternating wire names and field schemas, in declaration order. */
  public static Map<String, Object> object(Object... namesAndSchemas) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndSchemas.length; i += 2) {
      map.put((String) namesAndSchemas[i], namesAndSchemas[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  /** An array schema: a one-item list of the item schema. */
  public static List<Object> list(Object item) {
    return List.of(item);
  }

  /** An optional field's schema: {@code ["optional", schema]}. */
  public static List<Object> optional(Object schema) {
    return List.of(OPTIONAL, schema);
  }

  /** An enum's schema: {@code ["enum", wire, [names…]]}, the names in ordinal order. */
  public static List<Object> enumeration(String wire, List<String> names) {
    return List.of(ENUM, wire, List.copyOf(names));
  }

  /** A map's schema: {@code ["map", key, value]}. */
  public static List<Object> map(Object key, Object value) {
    return List.of(MAP, key, value);
  }

  /** The tag of an extension shape ({@code "optional"}, {@code "enum"}, {@code "map"}), or null for schemapack's. */
  public static String tag(Object schema) {
    return schema instanceof List<?> list && list.size() > 1 && list.get(0) instanceof String tag ? tag : null;
  }
}
