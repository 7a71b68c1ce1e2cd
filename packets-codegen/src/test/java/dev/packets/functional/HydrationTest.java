package dev.packets.functional;

import static dev.packets.functional.Fixtures.ALL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.packets.HydrationException;
import dev.packets.fixtures.AllTypes;
import dev.packets.fixtures.Carriers;
import dev.packets.fixtures.Meta;
import dev.packets.fixtures.Player;
import dev.packets.fixtures.Settings;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ["Name", data] from JSON-like values: checked like encoding, with the same kind of message. */
class HydrationTest {

  private static Map<String, Object> player(Object health, Object str) {
    Map<String, Object> attributes = new HashMap<>(Map.of("agi", 1, "int", 2));
    attributes.put("str", str);
    Map<String, Object> data = new HashMap<>(Map.of("jumping", true, "position", List.of(1, -2.0)));
    data.put("health", health);
    data.put("attributes", attributes);
    return data;
  }

  private static String refused(Object data) {
    return assertThrows(HydrationException.class, () -> ALL.hydrate(List.of("Player", data))).getMessage();
  }

  @Test
  void jsonNumbersOfAnyJavaTypeAreAccepted() {
    Player p = (Player) ALL.hydrate(List.of("Player", player(4000L, new BigDecimal("87"))));
    assertEquals(new Player(4000, true, List.of((short) 1, (short) -2), new Player.Attributes(87, 1, 2)), p);
  }

  @Test
  void wrongValues() {
    assertEquals("Player.health: \"lots\" is not a number (varuint)", refused(player("lots", 1)));
    assertEquals("Player.health: 1.5 is not an integer (varuint)", refused(player(1.5, 1)));
    assertEquals("Player.health: -1 is out of range for varuint (0..2147483647)", refused(player(-1, 1)));
    assertEquals("Player.attributes.str: 256 is out of range for uint8 (0..255)", refused(player(1, 256)));
    assertEquals("Player.attributes.str: is missing; a uint8 is required", refused(player(1, null)));
    assertEquals("Player.attributes.str: true is not a number (uint8)", refused(player(1, true)));
  }

  @Test
  void wrongShapes() {
    Map<String, Object> extra = player(1, 1);
    extra.put("helth", 3);
    assertEquals("Player: unknown field \"helth\"; fields are [attributes, health, jumping, position]",
        refused(extra));
    Map<String, Object> missing = player(1, 1);
    missing.remove("jumping");
    assertEquals("Player.jumping: is missing; a bool is required", refused(missing));
    Map<String, Object> notList = player(1, 1);
    notList.put("position", "x");
    assertEquals("Player.position: \"x\" is not a list", refused(notList));
    assertEquals("Player: \"x\" is not an object", refused("x"));
    assertEquals("Nope: unknown packet 'Nope'",
        assertThrows(HydrationException.class, () -> ALL.hydrate(List.of("Nope", Map.of()))).getMessage());
  }

  @Test
  void buffersFromBytesListsAndNodeJson() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("b", true);
    data.put("i8", -1);
    data.put("u8", 1);
    data.put("i16", 1);
    data.put("u16", 1);
    data.put("i32", 1);
    data.put("u32", 4294967295L);
    data.put("f32", 188.5);
    data.put("f64", 0.1);
    data.put("vi", -65);
    data.put("vu", 300);
    data.put("s", "é");
    data.put("buf", List.of(1, 2, 255));
    AllTypes a = (AllTypes) ALL.hydrate(List.of("AllTypes", data));
    assertArrayEquals(new byte[] {1, 2, -1}, a.buf());
    data.put("buf", Map.of("type", "Buffer", "data", List.of(7)));
    assertArrayEquals(new byte[] {7}, ((AllTypes) ALL.hydrate(List.of("AllTypes", data))).buf());
    data.put("buf", List.of(256));
    assertEquals("AllTypes.buf[0]: 256 is out of range for byte (0..255)",
        assertThrows(HydrationException.class, () -> ALL.hydrate(List.of("AllTypes", data))).getMessage());
    data.put("buf", new byte[0]);
    data.put("f32", 1e39);
    assertEquals("AllTypes.f32: 1.0E39 is out of range for float32 (±3.4028235E38)",
        assertThrows(HydrationException.class, () -> ALL.hydrate(List.of("AllTypes", data))).getMessage());
  }

  @Test
  void charsTravelAsNumbers() {
    Carriers c = new Carriers((short) 0, 0, (short) 0, 0, 'é', 0L, 0L, 0, true, null, 0L, List.of(), List.of(),
        List.of('z'), List.of(), List.of(), List.of());
    Map<?, ?> data = (Map<?, ?>) ALL.dehydrate(c).get(1);
    assertEquals(233, data.get("uint16Char"));
    assertEquals(List.of(122), data.get("chars"));
  }

  @Test
  void packedFieldsHoldJsonLikeValues() {
    Meta meta = (Meta) ALL.hydrate(List.of("Meta", Map.of("id", 1, "meta", Map.of("a", List.of(1, "x")))));
    assertEquals(Map.of("a", List.of(1, "x")), meta.meta());
    Settings s = new Settings(0.5, "x", false, List.of(1, 2, 3));
    assertEquals(s, ALL.hydrate(ALL.dehydrate(s)));
    assertEquals(s, ALL.decode(Settings.class, ALL.encode(s)));
  }
}
