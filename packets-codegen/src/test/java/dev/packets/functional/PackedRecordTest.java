package dev.packets.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.packets.PacketRegistry;
import dev.packets.fixtures.Profile;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A record packed whole (flecks' Packer) with free-form components — {@code Map<String, Object>}, {@code
 * List<Object>}, {@code Object} — that carry no {@code @Packed} of their own: they travel in its one msgpack map.
 */
class PackedRecordTest {
  private static final PacketRegistry PROFILES = PacketRegistry.of(Profile.class);

  @Test
  void freeFormComponentsTravelInTheRecordsOneMap() {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("lvl", 3);
    Profile profile = new Profile("ada", extra, List.of("x", 1), true);
    // written by hand from docs/wire-format.md §4 (record form): a buffer of one msgpack map, in declaration order
    byte[] expected = HexFormat.of().parseHex("29" // buffer length 41
        + "84" // fixmap, 4 entries
        + "a46e616d65" + "a3616461" // "name": "ada"
        + "a56578747261" + "81a36c766c03" // "extra": {"lvl": 3}
        + "a474616773" + "92a17801" // "tags": ["x", 1]
        + "a8616e797468696e67" + "c3"); // "anything": true
    assertArrayEquals(expected, PROFILES.encode(profile));
    Profile back = (Profile) PROFILES.decode(PROFILES.id(Profile.class), expected);
    assertEquals("ada", back.name());
    assertEquals(3L, ((Number) back.extra().get("lvl")).longValue());
    assertEquals(List.of("x", 1L), back.tags().stream().map(v -> v instanceof Number n ? (Object) n.longValue() : v)
        .toList());
    assertEquals(true, back.anything());
  }
}
