package dev.packets.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.DecodeException;
import dev.packets.EncodeException;
import dev.packets.HydrationException;
import dev.packets.PacketException;
import dev.packets.PacketRegistry;
import dev.packets.fixtures.Heading;
import dev.packets.fixtures.Patch;
import dev.packets.fixtures.Sparse;
import dev.packets.fixtures.Steer;
import dev.packets.fixtures.Stock;
import dev.packets.fixtures.Wide;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The extension types beyond int64 (docs/wire-format.md §2): uint64, varint64, varuint64, optional fields, enums and
 * maps. Every expected byte is written by hand from the docs' tables, not taken from the encoder: the values and
 * bytes of {@code golden/extensions.json}, which packets-js' codec.test.js reads and writes too, and the bad bytes
 * below.
 */
class ExtensionTypesTest {
  private static final PacketRegistry REGISTRY = PacketRegistry.of(Wide.class, Patch.class, Sparse.class, Steer.class,
      Stock.class);
  private static final HexFormat HEX = HexFormat.of();

  private static final JsonNode GOLDEN = golden();

  private static Map<Object, Object> ordered(Object... keysAndValues) {
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static JsonNode golden() {
    try (InputStream in = ExtensionTypesTest.class.getResourceAsStream("/golden/extensions.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON as dehydrated data: {"$bigint": "…"} becomes a BigInteger, objects keep their order. */
  private static Object data(JsonNode json) {
    if (json.isObject() && json.has("$bigint")) {
      return new BigInteger(json.get("$bigint").asText());
    }
    if (json.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      json.fields().forEachRemaining(e -> map.put(e.getKey(), data(e.getValue())));
      return map;
    }
    if (json.isArray()) {
      List<Object> list = new ArrayList<>();
      json.forEach(item -> list.add(data(item)));
      return list;
    }
    return json.isTextual() ? json.asText() : json.isBoolean() ? json.asBoolean() : json.numberValue();
  }

  @Test
  void everyGoldenValueIsWrittenAsItsHandWrittenBytesAndReadBack() {
    assertEquals(14, GOLDEN.get("vectors").size());
    for (JsonNode v : GOLDEN.get("vectors")) {
      String name = v.get("packet").asText();
      Object packet = REGISTRY.hydrate(List.of(name, data(v.get("value"))));
      assertEquals(v.get("hex").asText(), HEX.formatHex(REGISTRY.encode(packet)), v.get("case").asText());
      assertEquals(packet, REGISTRY.decode(REGISTRY.id(packet.getClass()), HEX.parseHex(v.get("hex").asText())));
    }
  }

  @Test
  void theGoldenFilesSchemasAreTheRegistrys() {
    GOLDEN.get("schemas").fields().forEachRemaining(e -> {
      Map<?, ?> entry = (Map<?, ?>) ((List<?>) REGISTRY.table().get("packets")).stream()
          .filter(p -> e.getKey().equals(((Map<?, ?>) p).get("name"))).findFirst().orElseThrow();
      assertEquals(data(e.getValue()), entry.get("schema"), e.getKey());
    });
  }

  @Test
  void aTruncatedPayloadIsADecodeExceptionAtEveryLength() {
    for (JsonNode v : GOLDEN.get("vectors")) {
      byte[] bytes = HEX.parseHex(v.get("hex").asText());
      int id = REGISTRY.id(v.get("packet").asText());
      for (int length = 0; length < bytes.length; length++) {
        byte[] cut = Arrays.copyOf(bytes, length);
        assertThrows(DecodeException.class, () -> REGISTRY.decode(id, cut), v.get("case") + " cut at " + length);
      }
    }
  }

  @Test
  void badBytesAreDecodeExceptionsThatSayWhatIsWrong() {
    decodeFails(Wide.class, "ffffffffffffffff" + "00" + "ffffffffffffffffff02", "Wide.vu: varuint64 exceeds "
        + "18446744073709551615");
    decodeFails(Wide.class, "ffffffffffffffff" + "00" + "ffffffffffffffffffff01", "Wide.vu: varuint64 longer than 10 "
        + "bytes");
    decodeFails(Patch.class, "10" + "0000002a", "Patch: presence bits 0x10 mark fields that do not exist (in use: 0x0f) "
        + "at byte 0");
    decodeFails(Sparse.class, "0002" + "00", "Sparse: presence bits 0x02 mark fields that do not exist (in use: 0x01) "
        + "at byte 1");
    decodeFails(Steer.class, "04" + "0457455354" + "00" + "00", "Steer.heading: ordinal 4 is out of range for Heading "
        + "(0..3) at byte 0");
    decodeFails(Steer.class, "00" + "025550" + "00" + "00", "Steer.named: unknown constant \"UP\" of Heading; constants "
        + "are [NORTH, EAST, SOUTH, WEST] at byte 1");
    decodeFails(Steer.class, "00" + "0457455354" + "00" + "ff01", "Steer.wide: ordinal 255 is out of range for Heading");
    decodeFails(Stock.class, "02" + "02687007" + "02687008" + "000000", "Stock.items: key \"hp\" comes twice at byte 5");
    decodeFails(Stock.class, "0a" + "02687007" + "000000", "Stock.items: map of 10 entries needs at least 20 bytes, but "
        + "only 7 left at byte 0");
  }

  private static void decodeFails(Class<?> type, String hex, String message) {
    DecodeException e = assertThrows(DecodeException.class, () -> REGISTRY.decode(REGISTRY.id(type), HEX.parseHex(hex)));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void encodingRefusesNullsWhereAValueIsRequired() {
    encodeFails(new Steer(null, Heading.EAST, List.of(), Heading.EAST), "Steer.heading: is null; a Heading is required");
    encodeFails(new Steer(Heading.EAST, Heading.EAST, Arrays.asList(Heading.EAST, null), Heading.EAST),
        "Steer.route[]: is null; a Heading is required");
    Map<String, Integer> nullKey = new HashMap<>();
    nullKey.put(null, 1);
    encodeFails(new Stock(nullKey, Map.of(), Map.of(), Map.of()), "Stock.items{key}: is null; a string is required");
    Map<String, Integer> nullValue = new HashMap<>();
    nullValue.put("hp", null);
    encodeFails(new Stock(nullValue, Map.of(), Map.of(), Map.of()), "Stock.items{value}: is null; a uint8 is required");
    encodeFails(new Stock(Map.of("hp", 256), Map.of(), Map.of(), Map.of()),
        "Stock.items{value}: 256 is out of range for uint8 (0..255)");
    encodeFails(new Stock(null, Map.of(), Map.of(), Map.of()), "Stock.items: is null; a map is required");
    encodeFails(new Patch(1, null, Optional.of(256), null, Optional.empty()),
        "Patch.rank: 256 is out of range for uint8 (0..255)");
  }

  private static void encodeFails(Object packet, String message) {
    EncodeException e = assertThrows(EncodeException.class, () -> REGISTRY.encode(packet));
    assertEquals(message, e.getMessage());
  }

  @Test
  void aNullOptionalIsAbsentLikeAnEmptyOne() {
    Patch nulls = new Patch(42, null, null, null, null);
    assertEquals("00" + "0000002a", HEX.formatHex(REGISTRY.encode(nulls)));
  }

  @Test
  void dehydratedAnAbsentFieldIsLeftOutAnEnumIsItsNameAndUnsignedValuesAreNumbersUpTo2To64() {
    Patch patch = new Patch(42, null, Optional.of(7), null, Optional.of(List.of("x")));
    assertEquals(List.of("Patch", Map.of("id", 42, "rank", 7, "tags", List.of("x"))), REGISTRY.dehydrate(patch));
    Steer steer = new Steer(Heading.EAST, Heading.WEST, List.of(Heading.NORTH), Heading.SOUTH);
    assertEquals(List.of("Steer", Map.of("heading", "EAST", "named", "WEST", "route", List.of("NORTH"), "wide", "SOUTH")),
        REGISTRY.dehydrate(steer));
    Wide wide = new Wide(-1L, Long.MIN_VALUE, Long.MIN_VALUE);
    assertEquals(List.of("Wide", Map.of("u", new BigInteger("18446744073709551615"), "vi", Long.MIN_VALUE,
        "vu", new BigInteger("9223372036854775808"))), REGISTRY.dehydrate(wide));
    Stock stock = new Stock(Map.of("hp", 7), Map.of(Heading.WEST, "x"), Map.of(-1L, true), Map.of());
    assertEquals(List.of("Stock", Map.of("items", Map.of("hp", 7), "signs", Map.of("WEST", "x"),
        "owned", Map.of(new BigInteger("18446744073709551615"), true), "routes", Map.of())), REGISTRY.dehydrate(stock));
  }

  @Test
  void hydrationTakesAMissingKeyOrNullAsAbsentNamesForEnumsAndJsonKeysForNumbers() {
    Map<String, Object> patch = new HashMap<>();
    patch.put("id", 42);
    patch.put("nick", null);
    patch.put("tags", List.of("x"));
    assertEquals(new Patch(42, null, Optional.empty(), null, Optional.of(List.of("x"))),
        REGISTRY.hydrate(List.of("Patch", patch)));
    assertEquals(new Steer(Heading.EAST, Heading.WEST, List.of(Heading.NORTH), Heading.SOUTH),
        REGISTRY.hydrate(List.of("Steer", Map.of("heading", "EAST", "named", Heading.WEST, "route", List.of("NORTH"),
            "wide", "SOUTH"))));
    assertEquals(new Stock(Map.of(), Map.of(), Map.of(-1L, true, 12L, false), Map.of()),
        REGISTRY.hydrate(List.of("Stock", Map.of("items", Map.of(), "signs", Map.of(), "routes", Map.of(),
            "owned", ordered("18446744073709551615", true, 12, false)))));
    assertEquals(new Wide(-1L, Long.MIN_VALUE, 1L << 63),
        REGISTRY.hydrate(List.of("Wide", Map.of("u", new BigInteger("18446744073709551615"), "vi", Long.MIN_VALUE,
            "vu", 9.223372036854775808E18))));
  }

  @Test
  void hydrationRefusesWhatEncodingWould() {
    hydrationFails(List.of("Steer", Map.of("heading", "UP", "named", "WEST", "route", List.of(), "wide", "EAST")),
        "Steer.heading: \"UP\" is not a Heading; constants are [NORTH, EAST, SOUTH, WEST]");
    hydrationFails(List.of("Steer", Map.of("heading", 1, "named", "WEST", "route", List.of(), "wide", "EAST")),
        "Steer.heading: 1 is not a Heading; constants are [NORTH, EAST, SOUTH, WEST]");
    hydrationFails(List.of("Wide", Map.of("u", -1, "vi", 0, "vu", 0)),
        "Wide.u: -1 is out of range for uint64 (0..18446744073709551615)");
    hydrationFails(List.of("Wide", Map.of("u", new BigInteger("18446744073709551616"), "vi", 0, "vu", 0)),
        "Wide.u: 18446744073709551616 is out of range for uint64 (0..18446744073709551615)");
    hydrationFails(List.of("Wide", Map.of("u", 0, "vi", 9.3e18, "vu", 0)),
        "Wide.vi: 9.3E18 is out of range for varint64 (-9223372036854775808..9223372036854775807)");
    hydrationFails(List.of("Stock", Map.of("items", Map.of(), "signs", Map.of(), "routes", Map.of(),
        "owned", Map.of("1.5", true))), "Stock.owned{key}: key \"1.5\" is not an integer");
    hydrationFails(List.of("Stock", Map.of("items", Map.of(), "signs", Map.of(), "routes", Map.of(),
        "owned", ordered("1", true, "01", false))), "Stock.owned: key 1 comes twice");
    hydrationFails(List.of("Stock", Map.of("items", Map.of(), "signs", Map.of("UP", "x"), "routes", Map.of(),
        "owned", Map.of())), "Stock.signs{key}: \"UP\" is not a Heading");
    hydrationFails(List.of("Patch", Map.of("id", 1, "rank", 256)), "Patch.rank: 256 is out of range for uint8");
    hydrationFails(List.of("Patch", Map.of("id", 1, "hp", 2)), "Patch: unknown field \"hp\"");
  }

  private static void hydrationFails(List<?> dehydrated, String message) {
    HydrationException e = assertThrows(HydrationException.class, () -> REGISTRY.hydrate(dehydrated));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void theTableShowsEachExtensionAndNamesThemPerPacket() {
    Map<String, Map<?, ?>> entries = new HashMap<>();
    for (Object e : (List<?>) REGISTRY.table().get("packets")) {
      entries.put((String) ((Map<?, ?>) e).get("name"), (Map<?, ?>) e);
    }
    assertEquals(Map.of("u", "uint64", "vi", "varint64", "vu", "varuint64"), entries.get("Wide").get("schema"));
    assertEquals(List.of("uint64", "varint64", "varuint64"), entries.get("Wide").get("extensions"));
    assertEquals(Map.of("id", "int32", "nick", List.of("optional", "string"), "rank", List.of("optional", "uint8"),
        "to", List.of("optional", Map.of("x", "uint8", "y", "uint8")), "tags", List.of("optional", List.of("string"))),
        entries.get("Patch").get("schema"));
    assertEquals(List.of("optional"), entries.get("Patch").get("extensions"));
    List<String> constants = List.of("NORTH", "EAST", "SOUTH", "WEST");
    assertEquals(Map.of("heading", List.of("enum", "uint8", constants), "named", List.of("enum", "string", constants),
        "route", List.of(List.of("enum", "uint8", constants)), "wide", List.of("enum", "varuint", constants)),
        entries.get("Steer").get("schema"));
    assertEquals(List.of("enum"), entries.get("Steer").get("extensions"));
    assertEquals(Map.of("items", List.of("map", "string", "uint8"),
        "signs", List.of("map", List.of("enum", "uint8", constants), "string"),
        "owned", List.of("map", "varuint64", "bool"),
        "routes", List.of("map", "string", List.of(List.of("enum", "uint8", constants)))),
        entries.get("Stock").get("schema"));
    assertEquals(List.of("enum", "map", "varuint64"), entries.get("Stock").get("extensions"));
  }

  @Test
  void seededRandomValuesRoundTripAndSizeAsTheirTypesSay() {
    Random r = new Random(20261129);
    Heading[] headings = Heading.values();
    for (int n = 0; n < 2_000; n++) {
      long u = r.nextLong();
      long vi = r.nextLong() >> r.nextInt(64);
      long vu = r.nextLong() >>> r.nextInt(64);
      Wide wide = new Wide(u, vi, vu);
      byte[] bytes = REGISTRY.encode(wide);
      assertEquals(8 + varSize((vi << 1) ^ (vi >> 63)) + varSize(vu), bytes.length, wide.toString());
      assertEquals(wide, REGISTRY.decode(REGISTRY.id(Wide.class), bytes));

      Patch patch = new Patch(r.nextInt(), r.nextBoolean() ? null : "n" + r.nextInt(1000),
          r.nextBoolean() ? Optional.empty() : Optional.of(r.nextInt(256)),
          r.nextBoolean() ? null : new Patch.Vec(r.nextInt(256), r.nextInt(256)),
          r.nextBoolean() ? Optional.empty() : Optional.of(List.of("t" + r.nextInt(10))));
      assertEquals(patch, REGISTRY.decode(REGISTRY.id(Patch.class), REGISTRY.encode(patch)));
      assertEquals(patch, REGISTRY.hydrate(REGISTRY.dehydrate(patch)));

      Map<Long, Boolean> owned = new LinkedHashMap<>();
      for (int i = r.nextInt(5); i > 0; i--) {
        owned.put(r.nextLong(), r.nextBoolean());
      }
      Map<Heading, String> signs = new LinkedHashMap<>();
      for (int i = r.nextInt(5); i > 0; i--) {
        signs.put(headings[r.nextInt(4)], "s" + r.nextInt(9));
      }
      Stock stock = new Stock(Map.of("k" + r.nextInt(9), r.nextInt(256)), signs, owned,
          Map.of("r", List.of(headings[r.nextInt(4)])));
      assertEquals(stock, REGISTRY.decode(REGISTRY.id(Stock.class), REGISTRY.encode(stock)));
      assertEquals(stock, REGISTRY.hydrate(REGISTRY.dehydrate(stock)));
    }
  }

  private static int varSize(long unsigned) {
    int bits = 64 - Long.numberOfLeadingZeros(unsigned);
    return Math.max(1, (bits + 6) / 7);
  }

  @Test
  void aMapHoldsNoMoreEntriesThanTheListLimit() {
    Map<String, Integer> big = new HashMap<>();
    for (int i = 0; i <= 65_536; i++) {
      big.put("k" + i, 1);
    }
    Executable encode = () -> REGISTRY.encode(new Stock(big, Map.of(), Map.of(), Map.of()));
    PacketException e = assertThrows(EncodeException.class, encode);
    assertEquals("Stock.items: map of 65537 entries exceeds the limit of 65536", e.getMessage());
    decodeFails(Stock.class, "818004" + "00", "Stock.items: map of 65537 entries exceeds the limit of 65536 at byte 0");
  }
}
