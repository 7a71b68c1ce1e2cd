package dev.packets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two packet tables compared, written by hand as another side's {@code /packets/schema.json} would read. */
class PacketTablesTest {
  private static Map<String, Object> entry(int id, String name, Object schema, List<String> packed) {
    return Map.of("id", id, "name", name, "schema", schema, "packed", packed);
  }

  private static Map<String, Object> table(Object... entries) {
    return Map.of("fingerprint", "x", "packets", List.of(entries));
  }

  private final Map<String, Object> move = entry(1, "Move", Map.of("entity", "varuint", "x", "float32"), List.of());
  private final Map<String, Object> chat = entry(2, "Chat", Map.of("text", "string"), List.of());

  @Test
  void theSamePacketsAreNoDifferenceWhateverTheKeyOrderOrNumberTypes() {
    Map<String, Object> theirs = table(entry(1, "Move", new java.util.TreeMap<>(Map.of("x", "float32", "entity",
        "varuint")), List.of()), entry(2, "Chat", Map.of("text", "string"), List.of()));
    assertNull(PacketTables.firstDifference(table(move, chat), theirs));
  }

  @Test
  void theFirstDifferenceInIdOrderIsNamed() {
    assertEquals("packet 2 is Chat here and Say there",
        PacketTables.firstDifference(table(move, chat), table(move, entry(2, "Say", Map.of("text", "string"),
            List.of()))));
    assertEquals("packet 2 is Chat here and missing there", PacketTables.firstDifference(table(move, chat),
        table(move)));
    assertEquals("packet 2 is Chat there and missing here", PacketTables.firstDifference(table(move),
        table(move, chat)));
    assertEquals("packet 1 (Move) is {\"entity\":\"varuint\",\"x\":\"float32\"} here and "
        + "{\"entity\":\"varint\",\"x\":\"float32\"} there", PacketTables.firstDifference(table(move, chat),
        table(entry(1, "Move", Map.of("entity", "varint", "x", "float32"), List.of()), chat)));
    assertEquals("packet 2 (Chat) packs [] here and [\"text\"] there", PacketTables.firstDifference(
        table(move, chat), table(move, entry(2, "Chat", Map.of("text", "string"), List.of("text")))));
  }
}
