package dev.packets;

import static dev.packets.TestRegistries.PLAYER_HEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.handwritten.Action;
import dev.packets.handwritten.Chat;
import dev.packets.handwritten.Logout;
import dev.packets.handwritten.Meta;
import dev.packets.handwritten.Player;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ["Name", data]} with JSON-like data, both ways, with the same checks as encoding. */
class HydrationTest {
  private static final PacketRegistry REGISTRY = TestRegistries.all();

  private static String failure(List<?> dehydrated) {
    return assertThrows(HydrationException.class, () -> REGISTRY.hydrate(dehydrated)).getMessage();
  }

  @Test
  void redirectBothWays() {
    assertEquals(new Redirect("/x"), REGISTRY.hydrate(List.of("Redirect", Map.of("location", "/x"))));
    assertEquals(List.of("Redirect", Map.of("location", "/x")), REGISTRY.dehydrate(new Redirect("/x")));
    assertEquals(new Redirect("/x"), REGISTRY.hydrate(List.of("Redirect", "/x")), "flecks' bare string");
    assertEquals(new Redirect("/x"), REGISTRY.hydrate(List.of(REGISTRY.id(Redirect.class), Map.of("location", "/x"))));
  }

  @Test
  void everyPacketRoundTrips() {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("tags", List.of("a", "b"));
    meta.put("n", 1.5);
    for (Object packet : List.of(TestRegistries.player(), new Chat(7, "hé"), new Action(0), new Logout(),
        new Meta(3, meta), new Redirect(""), new Refresh(), Bundle.of(new Chat(1, "x"), Bundle.of(new Logout())))) {
      List<Object> dry = REGISTRY.dehydrate(packet);
      assertEquals(REGISTRY.name(packet.getClass()), dry.get(0));
      assertEquals(packet, REGISTRY.hydrate(dry));
      assertEquals(Hex.of(REGISTRY.encode(packet)), Hex.of(REGISTRY.encode(REGISTRY.hydrate(dry))));
    }
  }

  @Test
  void playerFromJsonLikeDataEncodesToSchemapacksBytes() {
    Map<String, Object> attributes = Map.of("str", 87L, "agi", new BigDecimal("42"), "int", 22.0);
    Map<String, Object> data = Map.of("health", BigInteger.valueOf(4000), "jumping", false,
        "position", List.of(-540, 343.0, 1201L), "attributes", attributes);
    Object player = REGISTRY.hydrate(List.of("Player", data));
    assertEquals(TestRegistries.player(), player);
    assertEquals(PLAYER_HEX, Hex.of(REGISTRY.encode(player)));
    assertEquals(List.of("Player", Map.of("health", 4000, "jumping", false, "position",
        List.of((short) -540, (short) 343, (short) 1201), "attributes", Map.of("str", 87, "agi", 42, "int", 22))),
        REGISTRY.dehydrate(player));
  }

  @Test
  void errorsNameThePathAndTheValue() {
    Map<String, Object> attributes = new LinkedHashMap<>(Map.of("str", 300, "agi", 42, "int", 22));
    Map<String, Object> data = new LinkedHashMap<>(Map.of("health", 4000, "jumping", false,
        "position", List.of(), "attributes", attributes));
    assertEquals("Player.attributes.str: 300 is out of range for uint8 (0..255)", failure(List.of("Player", data)));
    attributes.put("str", 87);
    data.put("position", List.of(1, "x"));
    assertEquals("Player.position[1]: \"x\" is not a number (int16)", failure(List.of("Player", data)));
    data.put("position", List.of(1, 2.5));
    assertEquals("Player.position[1]: 2.5 is not an integer (int16)", failure(List.of("Player", data)));
    data.put("position", List.of(40000));
    assertEquals("Player.position[0]: 40000 is out of range for int16 (-32768..32767)",
        failure(List.of("Player", data)));
    data.put("position", List.of());
    data.put("health", new BigDecimal("1.5"));
    assertEquals("Player.health: 1.5 is not an integer (varuint)", failure(List.of("Player", data)));
    data.remove("health");
    assertEquals("Player.health: is missing; a varuint is required", failure(List.of("Player", data)));
    data.put("health", 1);
    data.put("jumping", "no");
    assertEquals("Player.jumping: \"no\" is not a boolean (bool)", failure(List.of("Player", data)));
    data.put("jumping", true);
    attributes.put("luck", 1);
    assertTrue(failure(List.of("Player", data)).startsWith("Player.attributes: unknown field \"luck\"; fields are "));
    attributes.remove("luck");
    assertEquals(new Player(1, true, List.of(), new Player.Attributes(87, 42, 22)),
        REGISTRY.hydrate(List.of("Player", data)));
  }

  @Test
  void unknownPacketsAndFields() {
    assertEquals("Nope: unknown packet 'Nope'", failure(List.of("Nope", Map.of())));
    assertEquals("99: unknown packet 99", failure(List.of(99, Map.of())));
    assertEquals("0: unknown packet 0", failure(List.of(0, Map.of())));
    assertEquals("1: unknown packet 1", failure(List.of(1L, Map.of())), "ids are Integers");
    assertEquals("redirect: unknown packet 'redirect'", failure(List.of("redirect", Map.of())));
    assertTrue(failure(List.of("Redirect", Map.of("location", "/x", "extra", 1)))
        .startsWith("Redirect: unknown field \"extra\"; fields are "));
    assertTrue(failure(List.of("Refresh", Map.of("x", 1))).startsWith("Refresh: unknown field \"x\""));
  }

  @Test
  void wrongShapes() {
    assertEquals("(packet): a dehydrated packet is [\"Name\", data], not []", failure(List.of()));
    assertEquals("(packet): a dehydrated packet is [\"Name\", data], not null", failure(null));
    assertEquals("(packet): a dehydrated packet is [\"Name\", data], not [Chat, {}, 1]",
        failure(List.of("Chat", Map.of(), 1)));
    assertEquals("Chat: is missing; an object is required", failure(List.of("Chat")));
    assertEquals("Chat: is missing; an object is required", failure(Arrays.asList("Chat", null)));
    assertEquals("Chat: a list of 2 item(s) is not an object", failure(List.of("Chat", List.of(1, "x"))));
    assertEquals("Chat: \"hi\" is not an object", failure(List.of("Chat", "hi")));
    assertEquals("null: unknown packet null", failure(Arrays.asList(null, Map.of())));
    assertEquals("{}: unknown packet {}", failure(List.of(Map.of(), Map.of())));
    assertEquals("Redirect: 5 is not an object", failure(List.of("Redirect", 5)));
    assertEquals(new Refresh(), REGISTRY.hydrate(List.of("Refresh")), "a packet without fields needs no data");
  }

  @Test
  void limitsApplyToHydration() {
    PacketRegistry limited = REGISTRY.withLimits(PacketLimits.DEFAULT.withMaxStringBytes(3));
    assertEquals("Chat.text: string of 4 UTF-8 bytes exceeds the limit of 3", assertThrows(HydrationException.class,
        () -> limited.hydrate(List.of("Chat", Map.of("from", 1, "text", "abcd")))).getMessage());
    List<Object> many = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      many.add(i);
    }
    assertEquals("Player.position: list of 3 items exceeds the limit of 2", assertThrows(HydrationException.class,
        () -> REGISTRY.withLimits(PacketLimits.DEFAULT.withMaxListLength(2)).hydrate(List.of("Player",
            Map.of("health", 1, "jumping", true, "position", many,
                "attributes", Map.of("str", 1, "agi", 1, "int", 1))))).getMessage());
  }

  @Test
  void packedFieldsTakeAnyJsonLikeValue() {
    Meta meta = (Meta) REGISTRY.hydrate(List.of("Meta", Map.of("id", 1, "meta", List.of(1, "two"))));
    assertEquals(List.of(1, "two"), meta.meta());
    assertEquals("07 04 81 a1 61 01",
        Hex.of(REGISTRY.encode(REGISTRY.hydrate(List.of("Meta", Map.of("id", 7, "meta", Map.of("a", 1)))))));
    Map<String, Object> nullMeta = new LinkedHashMap<>();
    nullMeta.put("id", 2);
    nullMeta.put("meta", null);
    assertEquals(new Meta(2, null), REGISTRY.hydrate(List.of("Meta", nullMeta)));
    assertEquals("02 01 c0", Hex.of(REGISTRY.encode(new Meta(2, null))));
  }
}
