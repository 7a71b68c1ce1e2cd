package dev.packets;

import dev.packets.codec.Schemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps a packet table's deployed shape in a committed file and refuses changes that would break the clients
 * already deployed with it: a packet renumbered or gone; a field gone, added or of another wire type (the bytes of
 * a packet are its fields in wire order with no tags, so a deployed client can neither read nor write a packet whose
 * fields changed). A new packet at a new id is an addition: listed, not refused. Declaration order is free: the
 * wire sorts fields by name.
 *
 * <p>Call it from a test: {@code SchemaBaseline.verify(PACKETS, Path.of("packets.schema"))}. Run once with {@code
 * -Dpackets.acceptSchemaChange=true} to write the file (or to accept a change, after thinking of the deployed
 * clients). The file, one packet per line and its fields in wire order below it (a path, then its type; {@code ?}
 * marks an optional field, {@code []} a list's items, {@code {key}} and {@code {value}} a map's), reads well in a
 * code review:
 *
 * <pre>
 * 3 Chat
 *   meta buffer
 *   name string
 *   text string
 * 4 Joined
 *   entity varuint
 *   kind enum(uint8:PLAYER,BOT)
 *   nick? string
 *   stats{key} string
 *   stats{value} uint16
 * </pre>
 */
public final class SchemaBaseline {
  /** The system property that rewrites the baseline instead of checking against it. */
  public static final String ACCEPT = "packets.acceptSchemaChange";

  private static final String HEADER = "# The packet table deployed clients speak: ids, names, fields in wire order.\n"
      + "# Checked by dev.packets.SchemaBaseline; -D" + ACCEPT + "=true rewrites it.\n";

  /** What changed: changes that break deployed clients, and additions that do not. */
  public record Changes(List<String> breaks, List<String> additions) {}

  private SchemaBaseline() {}

  /**
   * Checks {@code registry} against the baseline in {@code file}, or writes it when {@value #ACCEPT} is true.
   *
   * @throws IllegalStateException listing each break (or saying the baseline is missing)
   */
  public static Changes verify(PacketRegistry registry, Path file) {
    if (Boolean.getBoolean(ACCEPT)) {
      write(registry, file);
      return new Changes(List.of(), List.of());
    }
    if (!Files.exists(file)) {
      throw new IllegalStateException("no packet schema baseline at " + file.toAbsolutePath() + ": write it with -D"
          + ACCEPT + "=true and commit it");
    }
    Changes changes;
    try {
      changes = compare(read(Files.readString(file, StandardCharsets.UTF_8)), shape(registry));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!changes.breaks().isEmpty()) {
      throw new IllegalStateException("the packets changed in ways that break deployed clients (baseline " + file
          + "):\n  " + String.join("\n  ", changes.breaks()) + "\nIf every client is redeployed with this table, accept "
          + "it with -D" + ACCEPT + "=true and commit " + file);
    }
    return changes;
  }

  /** Writes the baseline of {@code registry}. */
  public static void write(PacketRegistry registry, Path file) {
    StringBuilder out = new StringBuilder(HEADER);
    shape(registry).forEach((id, packet) -> {
      out.append(id).append(' ').append(packet.head()).append('\n');
      packet.fields().forEach(field -> out.append("  ").append(field).append('\n'));
    });
    try {
      Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One packet's shape: its name (and its type when it is no object, and its packed fields), its fields in order. */
  record Shape(String head, List<String> fields) {
    String name() {
      int space = head.indexOf(' ');
      return space < 0 ? head : head.substring(0, space);
    }
  }

  /** The shapes of a registry's packets, by id. */
  static Map<Integer, Shape> shape(PacketRegistry registry) {
    Map<Integer, Shape> shapes = new LinkedHashMap<>();
    for (Object item : (List<?>) registry.table().get("packets")) {
      Map<?, ?> entry = (Map<?, ?>) item;
      String head = String.valueOf(entry.get("name"));
      Object schema = entry.get("schema");
      List<String> fields = new ArrayList<>();
      if (schema instanceof Map<?, ?> object) {
        fields("", object, fields);
      } else {
        head += " " + schema;
      }
      if (entry.get("packed") instanceof List<?> packed && !packed.isEmpty()) {
        head += " packed=" + String.join(",", packed.stream().map(String::valueOf).toList());
      }
      shapes.put(((Number) entry.get("id")).intValue(), new Shape(head, fields));
    }
    return shapes;
  }

  /** Adds the fields of {@code type} at {@code path}, in wire order, as "path type" lines. */
  static void fields(String path, Object type, List<String> out) {
    String tag = Schemas.tag(type);
    if (Schemas.OPTIONAL.equals(tag)) {
      fields(path + "?", ((List<?>) type).get(1), out);
    } else if (Schemas.MAP.equals(tag)) {
      fields(path + "{key}", ((List<?>) type).get(1), out);
      fields(path + "{value}", ((List<?>) type).get(2), out);
    } else if (Schemas.ENUM.equals(tag)) {
      List<?> shape = (List<?>) type;
      out.add(path + " enum(" + shape.get(1) + ":" + String.join(",", ((List<?>) shape.get(2)).stream()
          .map(String::valueOf).toList()) + ")");
    } else if (type instanceof Map<?, ?> object) {
      wireOrder(object).forEach((name, inner) -> fields(path.isEmpty() ? name : path + "." + name, inner, out));
    } else if (type instanceof List<?> list && !list.isEmpty()) {
      fields(path + "[]", list.get(0), out);
    } else {
      out.add(path + " " + type);
    }
  }

  /** An object schema's fields sorted by name, as the wire writes them. */
  private static Map<String, Object> wireOrder(Map<?, ?> object) {
    Map<String, Object> sorted = new TreeMap<>();
    object.forEach((name, inner) -> sorted.put(String.valueOf(name), inner));
    return sorted;
  }

  /** Fields "path type" by path (the type is after the last space: a wire name may hold spaces, a type does not). */
  private static Map<String, String> byPath(List<String> fields) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String field : fields) {
      int space = field.lastIndexOf(' ');
      map.put(field.substring(0, space), field.substring(space + 1));
    }
    return map;
  }

  /** Reads a baseline file. */
  static Map<Integer, Shape> read(String text) {
    Map<Integer, Shape> shapes = new LinkedHashMap<>();
    List<String> fields = null;
    int n = 0;
    for (String line : text.split("\n")) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("  ")) {
        if (fields == null) {
          throw new IllegalArgumentException("line " + n + " of the baseline is a field before any packet: " + line);
        }
        fields.add(line.strip());
        continue;
      }
      int space = line.indexOf(' ');
      try {
        int id = Integer.parseInt(line.substring(0, space));
        fields = new ArrayList<>();
        shapes.put(id, new Shape(line.substring(space + 1).strip(), fields));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("line " + n + " of the baseline is not '<id> <name>': " + line);
      }
    }
    return shapes;
  }

  /** What changed from {@code deployed} to {@code now}. */
  static Changes compare(Map<Integer, Shape> deployed, Map<Integer, Shape> now) {
    List<String> breaks = new ArrayList<>();
    List<String> additions = new ArrayList<>();
    deployed.forEach((id, was) -> {
      Shape is = now.get(id);
      if (is == null) {
        breaks.add("packet " + id + " (" + was.name() + ") is gone");
      } else if (!is.name().equals(was.name())) {
        breaks.add("packet " + id + " was " + was.name() + " and is " + is.name() + " now: renumbered");
      } else if (!is.head().equals(was.head())) {
        breaks.add("packet " + id + " was '" + was.head() + "' and is '" + is.head() + "' now");
      } else {
        Map<String, String> before = byPath(was.fields());
        Map<String, String> after = byPath(is.fields());
        before.forEach((path, type) -> {
          String current = after.get(path);
          if (current == null) {
            breaks.add(was.name() + "." + path + " " + type + ": gone");
          } else if (!current.equals(type)) {
            breaks.add(was.name() + "." + path + " was " + type + " and is " + current + " now");
          }
        });
        after.forEach((path, type) -> {
          if (!before.containsKey(path)) {
            breaks.add(is.name() + "." + path + " " + type + ": added, and deployed clients neither write nor read it");
          }
        });
      }
    });
    now.forEach((id, is) -> {
      if (!deployed.containsKey(id)) {
        additions.add("packet " + id + " (" + is.name() + "): added");
      }
    });
    return new Changes(breaks, additions);
  }
}
