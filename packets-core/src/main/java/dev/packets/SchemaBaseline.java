package dev.packets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a packet table's deployed shape in a committed file and refuses changes that would break the clients
 * already deployed with it: a packet renumbered or gone, a field gone, moved or of another wire type. A new packet
 * at a new id and a new field after the others are additions: listed, not refused.
 *
 * <p>Call it from a test: {@code SchemaBaseline.verify(PACKETS, Path.of("packets.schema"))}. Run once with {@code
 * -Dpackets.acceptSchemaChange=true} to write the file (or to accept a change, after thinking of the deployed
 * clients). The file, one packet per line and its fields in wire order below it, reads well in a code review:
 *
 * <pre>
 * 3 Chat
 *   name string
 *   text string
 *   meta buffer
 * 4 Joined
 *   entity varuint
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
        object.forEach((name, type) -> fields(String.valueOf(name), type, fields));
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

  private static void fields(String path, Object type, List<String> out) {
    if (type instanceof Map<?, ?> object) {
      object.forEach((name, inner) -> fields(path + "." + name, inner, out));
    } else if (type instanceof List<?> list && !list.isEmpty()) {
      fields(path + "[]", list.get(0), out);
    } else {
      out.add(path + " " + type);
    }
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
        for (int i = 0; i < was.fields().size(); i++) {
          String field = was.fields().get(i);
          if (i >= is.fields().size()) {
            breaks.add(was.name() + "." + field + ": gone");
          } else if (!is.fields().get(i).equals(field)) {
            breaks.add(was.name() + " field " + (i + 1) + " was '" + field + "' and is '" + is.fields().get(i)
                + "' now");
          }
        }
        for (int i = was.fields().size(); i < is.fields().size(); i++) {
          additions.add(is.name() + "." + is.fields().get(i) + ": added");
        }
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
