package dev.packets.intercom;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Values with byte arrays made comparable, so that assertEquals compares JSON-like values deeply. */
public final class Canon {
  private Canon() {}

  public static Object of(Object value) {
    if (value instanceof byte[] bytes) {
      return "bytes:" + HexFormat.of().formatHex(bytes);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Canon::of).toList();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, of(v)));
      return out;
    }
    return value;
  }
}
