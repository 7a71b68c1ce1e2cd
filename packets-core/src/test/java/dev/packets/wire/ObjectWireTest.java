package dev.packets.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.HydrationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Objects have no bytes of their own; hydration checks the shape. */
class ObjectWireTest {
  private static final Set<String> FIELDS = Set.of("str", "agi", "int");

  @Test
  void acceptsKnownFieldsAndSubsets() {
    Map<String, Object> full = Map.of("str", 1, "agi", 2, "int", 3);
    assertSame(full, ObjectWire.hydrate(full, "Player.attributes", FIELDS));
    Map<String, Object> some = Map.of("str", 1);
    assertSame(some, ObjectWire.hydrate(some, "Player.attributes", FIELDS));
  }

  @Test
  void refusesUnknownFields() {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("str", 1);
    extra.put("luck", 9);
    HydrationException e = assertThrows(HydrationException.class,
        () -> ObjectWire.hydrate(extra, "Player.attributes", FIELDS));
    assertEquals("Player.attributes", e.path());
    assertEquals("Player.attributes: unknown field \"luck\"; fields are [agi, int, str]", e.getMessage());
    Map<Object, Object> numericKey = Map.of(1, 2);
    assertThrows(HydrationException.class, () -> ObjectWire.hydrate(numericKey, "Player.attributes", FIELDS));
  }

  @Test
  void refusesOtherShapes() {
    assertEquals("Player.attributes: is missing; an object is required", assertThrows(HydrationException.class,
        () -> ObjectWire.hydrate(null, "Player.attributes", FIELDS)).getMessage());
    assertEquals("Player.attributes: a list of 3 item(s) is not an object", assertThrows(HydrationException.class,
        () -> ObjectWire.hydrate(List.of(1, 2, 3), "Player.attributes", FIELDS)).getMessage());
    assertEquals("Player.attributes: 7 is not an object", assertThrows(HydrationException.class,
        () -> ObjectWire.hydrate(7, "Player.attributes", FIELDS)).getMessage());
  }
}
