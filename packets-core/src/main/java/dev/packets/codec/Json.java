package dev.packets.codec;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small JSON writer for JSON-like data (Map, List, String, Number, Boolean, null), used for schemas and the
 * registry fingerprint. With {@code sortKeys} the output is canonical: object keys sorted by
 * {@code String.compareTo}, no white space.
 */
public final class Json {
  private Json() {}

  public static String write(Object value, boolean sortKeys) {
    StringBuilder out = new StringBuilder();
    write(out, value, sortKeys);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, boolean sortKeys) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        out.append("null");
      } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        out.append((long) d);
      } else {
        out.append(d);
      }
    } else if (value instanceof Map<?, ?> map) {
      Map<?, ?> entries = sortKeys ? sorted(map) : map;
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : entries.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, String.valueOf(e.getKey()));
        out.append(':');
        write(out, e.getValue(), sortKeys);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(out, list.get(i), sortKeys);
      }
      out.append(']');
    } else {
      string(out, value.toString());
    }
  }

  private static Map<String, Object> sorted(Map<?, ?> map) {
    Map<String, Object> sorted = new TreeMap<>();
    map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
    return sorted;
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
