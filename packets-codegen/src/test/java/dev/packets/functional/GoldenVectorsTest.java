package dev.packets.functional;

import static dev.packets.functional.Fixtures.ALL;
import static dev.packets.functional.Fixtures.bytes;
import static dev.packets.functional.Fixtures.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packets.Bundle;
import dev.packets.DecodeException;
import dev.packets.PacketRegistry;
import dev.packets.fixtures.Action;
import dev.packets.fixtures.Logout;
import dev.packets.wire.PackedWire;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden bytes made by the real schemapack 1.4.2 and msgpack-lite 0.1.26 (see golden/make-vectors.js): our codecs
 * must write exactly them, read them back to the same values, and refuse every truncation of them.
 */
class GoldenVectorsTest {
  private static final Map<String, Object> GOLDEN = load();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load() {
    try (InputStream in = GoldenVectorsTest.class.getResourceAsStream("/golden/vectors.json")) {
      return new ObjectMapper().readValue(in, Map.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> section(String name) {
    Object section = GOLDEN.get(name);
    return section == null ? List.of() : (List<Map<String, Object>>) section;
  }

  /** JSON as written by make-vectors.js back to JSON-like Java values: {"$buffer": hex} → byte[]. */
  @SuppressWarnings("unchecked")
  static Object value(Object json) {
    if (json instanceof Map<?, ?> map) {
      if (map.size() == 1 && map.containsKey("$buffer")) {
        return bytes((String) map.get("$buffer"));
      }
      if (map.size() == 1 && map.containsKey("$number")) {
        return switch ((String) map.get("$number")) {
          case "NaN" -> Double.NaN;
          case "Infinity" -> Double.POSITIVE_INFINITY;
          case "-Infinity" -> Double.NEGATIVE_INFINITY;
          case "-0" -> -0.0;
          default -> throw new IllegalArgumentException(map.toString());
        };
      }
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> out.put(k, value(v)));
      return out;
    }
    if (json instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(value(v)));
      return out;
    }
    return json;
  }

  @TestFactory
  Stream<DynamicTest> schemapackVectors() {
    assertFalse(section("vectors").isEmpty(), "vectors.json has no vectors");
    return section("vectors").stream().map(v -> DynamicTest.dynamicTest((String) v.get("case"), () -> {
      String packet = (String) v.get("packet");
      Object data = value(v.get("value"));
      assertEquals(v.get("schema"), ALL.codec(ALL.type(packet)).schema(), "schema of " + packet);
      Object hydrated = ALL.hydrate(List.of(packet, data));
      byte[] encoded = ALL.encode(hydrated);
      assertEquals(v.get("hex"), hex(encoded), "bytes of " + v.get("case"));
      Object decoded = ALL.decode(ALL.id(packet), bytes((String) v.get("hex")));
      Object expected = v.containsKey("decoded") ? decodedValue(data, v.get("decoded")) : data;
      Object back = ALL.dehydrate(decoded).get(1);
      assertTrue(Fixtures.same(expected, back), () -> "decoded " + back + ", expected " + expected);
      refusesEveryTruncation(ALL, ALL.id(packet), bytes((String) v.get("hex")));
    }));
  }

  /** A vector whose decoded form differs (lone surrogates become U+FFFD): the one string field replaced. */
  @SuppressWarnings("unchecked")
  private static Object decodedValue(Object data, Object decoded) {
    if (decoded instanceof String s && data instanceof Map<?, ?> map && map.size() == 1) {
      Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) map);
      out.replaceAll((k, v) -> s);
      return out;
    }
    return value(decoded);
  }

  @TestFactory
  Stream<DynamicTest> packerVectors() {
    assertFalse(section("packed").isEmpty(), "vectors.json has no Packer vectors");
    return section("packed").stream().map(v -> DynamicTest.dynamicTest((String) v.get("case"), () -> {
      String packet = (String) v.get("packet");
      Object data = value(v.get("value"));
      Object hydrated = ALL.hydrate(List.of(packet, data));
      assertEquals(v.get("hex"), hex(ALL.encode(hydrated)), "bytes of " + v.get("case"));
      Object back = ALL.dehydrate(ALL.decode(ALL.id(packet), bytes((String) v.get("hex")))).get(1);
      Object expected = v.containsKey("decoded") ? withMeta(data, value(v.get("decoded"))) : data;
      assertTrue(Fixtures.same(expected, back), () -> "decoded " + back + ", expected " + expected);
      if (v.get("packedHex") instanceof String packedHex) {
        byte[] packed = bytes(packedHex);
        Object unpacked = PackedWire.unpack(packed, 0, packed.length, ALL.limits(), packet, 0);
        Object field = expected instanceof Map<?, ?> m && m.containsKey("meta") ? m.get("meta") : expected;
        assertTrue(Fixtures.same(field, unpacked), () -> "unpacked " + unpacked + ", expected " + field);
      }
      refusesEveryTruncation(ALL, ALL.id(packet), bytes((String) v.get("hex")));
    }));
  }

  @TestFactory
  Stream<DynamicTest> bundleVectors() {
    PacketRegistry flecks = PacketRegistry.of(Action.class, Logout.class);
    assertFalse(section("bundles").isEmpty(), "vectors.json has no Bundle vectors");
    return section("bundles").stream().map(v -> DynamicTest.dynamicTest((String) v.get("case"), () -> {
      assertEquals(v.get("registry"), List.copyOf(flecks.schemas().keySet()));
      Object packets = value(v.get("packets"));
      Bundle bundle = (Bundle) flecks.hydrate(List.of("Bundle", packets));
      assertEquals(v.get("hex"), hex(flecks.encode(bundle)), "bytes of " + v.get("case"));
      Bundle back = flecks.decode(Bundle.class, bytes((String) v.get("hex")));
      assertEquals(bundle, back);
      refusesEveryTruncation(flecks, flecks.id(Bundle.class), bytes((String) v.get("hex")));
    }));
  }

  /** The Meta data with {@code meta} replaced by what it decodes to (a lone surrogate becomes U+FFFD). */
  @SuppressWarnings("unchecked")
  private static Object withMeta(Object data, Object decoded) {
    if (decoded instanceof Map<?, ?> m && m.containsKey("meta")) {
      return decoded;
    }
    Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) data);
    out.put("meta", decoded);
    return out;
  }

  private static void refusesEveryTruncation(PacketRegistry registry, int id, byte[] bytes) {
    for (int cut = 0; cut < bytes.length; cut++) {
      byte[] prefix = Arrays.copyOf(bytes, cut);
      DecodeException e = assertThrows(DecodeException.class, () -> registry.decode(id, prefix),
          () -> "prefix of " + prefix.length + " bytes: " + hex(prefix));
      assertTrue(e.offset() <= cut, e.getMessage());
    }
  }
}
