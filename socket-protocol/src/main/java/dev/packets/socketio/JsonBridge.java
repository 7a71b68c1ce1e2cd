package dev.packets.socketio;

import dev.packets.PacketRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;

/** Converts between org.json values (what socket.io-server-java speaks) and JSON-like Java values. */
public final class JsonBridge {
  public static final int MAX_DEPTH = 64;

  private JsonBridge() {}

  /** org.json → Map/List/String/Number/Boolean/byte[]/null; fails past {@link #MAX_DEPTH}. */
  public static Object toJava(Object value, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("JSON nests deeper than " + MAX_DEPTH);
    }
    if (value == null || value == JSONObject.NULL) {
      return null;
    }
    if (value instanceof JSONObject o) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (String key : o.keySet()) {
        map.put(key, toJava(o.opt(key), depth + 1));
      }
      return map;
    }
    if (value instanceof JSONArray a) {
      List<Object> list = new ArrayList<>(a.length());
      for (int i = 0; i < a.length(); i++) {
        list.add(toJava(a.opt(i), depth + 1));
      }
      return list;
    }
    return value;
  }

  /** JSON-like Java → org.json values (byte[] stays binary; a packet inside becomes its dehydrated form). */
  public static Object toJson(Object value, PacketRegistry registry) {
    if (value == null) {
      return JSONObject.NULL;
    }
    if (registry.contains(value.getClass())) {
      return toJson(registry.dehydrate(value), registry);
    }
    if (value instanceof Map<?, ?> map) {
      JSONObject o = new JSONObject();
      map.forEach((k, v) -> o.put(String.valueOf(k), toJson(v, registry)));
      return o;
    }
    if (value instanceof List<?> list) {
      JSONArray a = new JSONArray();
      for (Object item : list) {
        a.put(toJson(item, registry));
      }
      return a;
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof byte[]) {
      return value;
    }
    throw new IllegalArgumentException("a " + value.getClass().getName() + " is not JSON-like");
  }
}
