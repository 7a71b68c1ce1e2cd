package dev.packets.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds schemapack schemas as JSON-like data, for generated codecs. */
public final class Schemas {
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
}
