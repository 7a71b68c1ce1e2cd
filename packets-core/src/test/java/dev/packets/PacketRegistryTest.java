package dev.packets;

import static dev.packets.TestRegistries.PLAYER_HEX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.codec.Json;
import dev.packets.codec.PacketCodec;
import dev.packets.codec.Schemas;
import dev.packets.handwritten.Action;
import dev.packets.handwritten.Chat;
import dev.packets.handwritten.Logout;
import dev.packets.handwritten.Meta;
import dev.packets.handwritten.Player;
import dev.packets.wire.WireIn;
import dev.packets.wire.WireOut;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ids, names, lookups, encode/decode through the registry, schemas, table and fingerprint. */
class PacketRegistryTest {

  /** A record with no fields, under any name and schema: for id ordering and fingerprint tests. */
  private static <T> PacketCodec<T> empty(Class<T> type, String name, Object schema, T instance) {
    return new PacketCodec<>() {
      @Override
      public Class<T> type() {
        return type;
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public Object schema() {
        return schema;
      }

      @Override
      public List<String> packedFields() {
        return List.of();
      }

      @Override
      public int measure(T value, PacketLimits limits) {
        return 0;
      }

      @Override
      public void write(T value, PacketLimits limits, WireOut out) {}

      @Override
      public T read(WireIn in) {
        return instance;
      }

      @Override
      public Object dehydrate(T value) {
        return Map.of();
      }

      @Override
      public T hydrate(Object data, PacketLimits limits) {
        return instance;
      }
    };
  }

  record Apple() {}

  record Zed() {}

  record Under() {}

  /** A @Packet record whose codec was never generated. */
  @Packet
  record Orphan() {}

  @Test
  void idsAreNamesSortedAndNumberedFromOne() {
    PacketRegistry registry = TestRegistries.flecks();
    assertEquals(5, registry.size());
    List<String> names = new ArrayList<>();
    for (int id = 1; id <= registry.size(); id++) {
      names.add(registry.name(id));
      assertEquals(id, registry.id(registry.name(id)));
      assertEquals(id, registry.id(registry.type(id)));
    }
    assertEquals(List.of("Action", "Bundle", "Logout", "Redirect", "Refresh"), names);
    assertEquals(1, registry.id(Action.class));
    assertEquals(2, registry.id(Bundle.class));
    assertEquals(3, registry.id(Logout.class));
    assertEquals(4, registry.id(Redirect.class));
    assertEquals(5, registry.id(Refresh.class));
    assertEquals(Redirect.class, registry.type("Redirect"));
    assertEquals("Logout", registry.name(Logout.class));
  }

  @Test
  void idsSortByUtf16CodeUnitsAsJavaScriptDoes() {
    PacketRegistry registry = PacketRegistry.builder()
        .add(empty(Apple.class, "apple", Map.of(), new Apple()))
        .add(empty(Zed.class, "Zed", Map.of(), new Zed()))
        .add(empty(Under.class, "_under", Map.of(), new Under()))
        .build();
    assertEquals(List.of("Bundle", "Redirect", "Refresh", "Zed", "_under", "apple"),
        new ArrayList<>(registry.schemas().keySet()));
    assertEquals(6, registry.id(Apple.class));
  }

  @Test
  void argumentOrderAndBuiltInsDoNotChangeIds() {
    PacketRegistry a = PacketRegistry.of(Logout.class, Action.class);
    PacketRegistry b = PacketRegistry.of(Action.class, Bundle.class, Refresh.class, Logout.class, Redirect.class,
        Action.class);
    assertEquals(a.schemas(), b.schemas());
    assertEquals(a.fingerprint(), b.fingerprint());
    assertEquals(5, b.size());
    assertEquals(3, PacketRegistry.of().size(), "the built-ins are always there");
    assertEquals(List.of("Bundle", "Redirect", "Refresh"), new ArrayList<>(PacketRegistry.of().schemas().keySet()));
  }

  @Test
  void lookupsOfWhatIsNotThere() {
    PacketRegistry registry = TestRegistries.flecks();
    assertTrue(registry.contains(Action.class));
    assertTrue(registry.contains("Bundle"));
    assertFalse(registry.contains(Chat.class));
    assertFalse(registry.contains("Chat"));
    assertNull(registry.codecOrNull(0));
    assertNull(registry.codecOrNull(6));
    assertNull(registry.codecOrNull(-1));
    assertNull(registry.codecOrNull(Chat.class));
    assertSame(Action.class, registry.codec(Action.class).type());
    assertEquals("unknown packet 'Chat'",
        assertThrows(IllegalArgumentException.class, () -> registry.id("Chat")).getMessage());
    assertEquals("unknown packet id 6 (ids are 1..5)",
        assertThrows(IllegalArgumentException.class, () -> registry.name(6)).getMessage());
    assertEquals("unknown packet id 0 (ids are 1..5)",
        assertThrows(IllegalArgumentException.class, () -> registry.type(0)).getMessage());
    assertEquals(Chat.class.getName() + " is not a registered packet",
        assertThrows(IllegalArgumentException.class, () -> registry.id(Chat.class)).getMessage());
  }

  @Test
  void ofLoadsTheCodecBesideTheRecord() {
    assertEquals(PLAYER_HEX, Hex.of(PacketRegistry.of(Player.class).encode(TestRegistries.player())));
    IllegalArgumentException notPacket = assertThrows(IllegalArgumentException.class,
        () -> PacketRegistry.of(String.class));
    assertEquals("java.lang.String is not a @Packet record", notPacket.getMessage());
    IllegalArgumentException noCodec = assertThrows(IllegalArgumentException.class,
        () -> PacketRegistry.of(Orphan.class));
    assertEquals("no generated codec dev.packets.PacketRegistryTest_Orphan_PacketCodec for "
        + Orphan.class.getName() + ": is packets-codegen on the annotation processor path?", noCodec.getMessage());
  }

  @Test
  void duplicateNamesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PacketRegistry.builder()
        .add(empty(Apple.class, "Fruit", Map.of(), new Apple()))
        .add(empty(Zed.class, "Fruit", Map.of(), new Zed()))
        .build());
    assertEquals("duplicate packet name 'Fruit': " + Apple.class.getName() + " and " + Zed.class.getName(),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PacketRegistry.builder()
        .add(empty(Apple.class, "Bundle", Map.of(), new Apple())).build());
  }

  @Test
  void encodesAndDecodesWithExactBytes() {
    PacketRegistry registry = TestRegistries.all();
    assertEquals(PLAYER_HEX, Hex.of(registry.encode(TestRegistries.player())));
    assertEquals(TestRegistries.player(), registry.decode(Player.class, Hex.bytes(PLAYER_HEX)));
    assertEquals("ac 02 02 c3 a9", Hex.of(registry.encode(new Chat(300, "é"))));
    assertEquals(new Chat(300, "é"), registry.decode(registry.id(Chat.class), Hex.bytes("ac 02 02 c3 a9")));
    assertEquals("07 04 81 a1 61 01", Hex.of(registry.encode(new Meta(7, Map.of("a", 1)))));
    assertEquals(new Meta(7, Map.of("a", 1)), registry.decode(Meta.class, Hex.bytes("07 04 81 a1 61 01")));
    assertEquals("04 2f 66 6f 6f", Hex.of(registry.encode(new Redirect("/foo"))));
    assertEquals(0, registry.encode(new Refresh()).length);
    assertEquals(0, registry.encode(new Logout()).length);
    assertEquals(new Refresh(), registry.decode(Refresh.class, new byte[0]));
    assertEquals(13, registry.measure(TestRegistries.player()));
  }

  @Test
  void decodesARangeOfALargerArray() {
    PacketRegistry registry = TestRegistries.all();
    byte[] framed = Hex.bytes("ff ff ac 02 02 c3 a9 ee");
    assertEquals(new Chat(300, "é"), registry.decode(registry.id(Chat.class), framed, 2, 5));
    DecodeException e = assertThrows(DecodeException.class,
        () -> registry.decode(registry.id(Chat.class), framed, 2, 4));
    assertEquals("Chat.text: string of 2 bytes, but only 1 left at byte 2", e.getMessage());
    DecodeException trailing = assertThrows(DecodeException.class,
        () -> registry.decode(registry.id(Chat.class), framed, 2, 6));
    assertEquals("Chat: 1 trailing byte(s) after the packet at byte 5", trailing.getMessage());
    assertEquals(5, trailing.offset());
  }

  @Test
  void encodeErrorsNamePacketPathValueAndType() {
    PacketRegistry registry = TestRegistries.all();
    Player bad = new Player(4000, false, List.of(), new Player.Attributes(300, 42, 22));
    EncodeException e = assertThrows(EncodeException.class, () -> registry.encode(bad));
    assertEquals("Player.attributes.str: 300 is out of range for uint8 (0..255)", e.getMessage());
    assertEquals("Player", e.packet());
    assertEquals("Player.attributes.str", e.path());
    assertEquals("Player.health: -1 is out of range for varuint (0..2147483647)", assertThrows(EncodeException.class,
        () -> registry.encode(new Player(-1, false, List.of(), new Player.Attributes(1, 2, 3)))).getMessage());
    assertEquals("Player.position: is null; a list is required", assertThrows(EncodeException.class,
        () -> registry.encode(new Player(1, false, null, new Player.Attributes(1, 2, 3)))).getMessage());
    List<Short> withNull = new ArrayList<>();
    withNull.add(null);
    assertEquals("Player.position[]: is null; an int16 is required", assertThrows(EncodeException.class,
        () -> registry.encode(new Player(1, false, withNull, new Player.Attributes(1, 2, 3)))).getMessage());
    assertEquals("Player.attributes: is null; an object is required", assertThrows(EncodeException.class,
        () -> registry.encode(new Player(1, false, List.of(), null))).getMessage());
    assertEquals("Chat.text: is null; a string is required",
        assertThrows(EncodeException.class, () -> registry.encode(new Chat(1, null))).getMessage());
    assertEquals("(packet): is null; a packet is required",
        assertThrows(EncodeException.class, () -> registry.encode(null)).getMessage());
    assertEquals("String: java.lang.String is not a registered packet",
        assertThrows(EncodeException.class, () -> registry.encode("hello")).getMessage());
    assertEquals("Chat: " + Chat.class.getName() + " is not a registered packet",
        assertThrows(EncodeException.class, () -> TestRegistries.flecks().encode(new Chat(1, "x"))).getMessage());
  }

  @Test
  void packetSizeLimitOnEncodeAndDecode() {
    PacketRegistry registry = TestRegistries.all().withLimits(PacketLimits.DEFAULT.withMaxPacketBytes(10));
    assertEquals(10, registry.encode(new Chat(1, "12345678")).length);
    EncodeException e = assertThrows(EncodeException.class, () -> registry.encode(new Chat(1, "123456789")));
    assertEquals("Chat: packet of 11 bytes exceeds the limit of 10", e.getMessage());
    assertThrows(EncodeException.class, () -> registry.measure(new Chat(1, "123456789")));
    byte[] eleven = TestRegistries.all().encode(new Chat(1, "123456789"));
    DecodeException d = assertThrows(DecodeException.class, () -> registry.decode(Chat.class, eleven));
    assertEquals("Chat: packet of 11 bytes exceeds the limit of 10 at byte 0", d.getMessage());
  }

  @Test
  void unknownIdsAndTrailingBytesAreDecodeExceptions() {
    PacketRegistry registry = TestRegistries.flecks();
    for (int id : new int[] {0, -1, 6, 65535, Integer.MAX_VALUE}) {
      DecodeException e = assertThrows(DecodeException.class, () -> registry.decode(id, new byte[0]));
      assertEquals("(packet " + id + "): unknown packet id " + id + " (ids are 1..5) at byte 0", e.getMessage());
    }
    DecodeException e = assertThrows(DecodeException.class,
        () -> registry.decode(registry.id(Refresh.class), Hex.bytes("00")));
    assertEquals("Refresh: 1 trailing byte(s) after the packet at byte 0", e.getMessage());
    assertEquals("Refresh", e.packet());
    DecodeException action = assertThrows(DecodeException.class, () -> registry.decode(1, Hex.bytes("ac 02 00 00")));
    assertEquals("Action: 2 trailing byte(s) after the packet at byte 2", action.getMessage());
    assertEquals(2, action.offset());
  }

  @Test
  void withLimitsKeepsPacketsIdsAndFingerprint() {
    PacketRegistry registry = TestRegistries.all();
    PacketLimits limits = PacketLimits.DEFAULT.withMaxStringBytes(5);
    PacketRegistry limited = registry.withLimits(limits);
    assertSame(limits, limited.limits());
    assertSame(PacketLimits.DEFAULT, registry.limits());
    assertEquals(registry.schemas(), limited.schemas());
    assertEquals(registry.fingerprint(), limited.fingerprint());
    assertEquals(registry.id(Chat.class), limited.id(Chat.class));
    assertThrows(EncodeException.class, () -> limited.encode(new Chat(1, "123456")));
    assertEquals(limits, PacketRegistry.builder().limits(limits).build().limits());
  }

  @Test
  void schemasAreSchemapacksInIdOrder() {
    Map<String, Object> schemas = TestRegistries.flecks().schemas();
    assertEquals(List.of("Action", "Bundle", "Logout", "Redirect", "Refresh"), new ArrayList<>(schemas.keySet()));
    assertEquals(Map.of("value", "varuint"), schemas.get("Action"));
    assertEquals("buffer", schemas.get("Bundle"));
    assertEquals(Map.of(), schemas.get("Logout"));
    assertEquals(Map.of("location", "string"), schemas.get("Redirect"));
    assertEquals(Map.of(), schemas.get("Refresh"));
    assertThrows(UnsupportedOperationException.class, () -> schemas.put("X", "buffer"));
    assertEquals("{\"attributes\":{\"agi\":\"uint8\",\"int\":\"uint8\",\"str\":\"uint8\"},\"health\":\"varuint\","
        + "\"jumping\":\"bool\",\"position\":[\"int16\"]}", Json.write(TestRegistries.all().schemas().get("Player"), true));
  }

  @Test
  void tableHoldsWhatAPeerNeeds() {
    PacketRegistry registry = TestRegistries.all();
    Map<String, Object> table = registry.table();
    assertEquals(List.of("fingerprint", "packets"), new ArrayList<>(table.keySet()));
    assertEquals(registry.fingerprint(), table.get("fingerprint"));
    List<?> packets = (List<?>) table.get("packets");
    assertEquals(registry.size(), packets.size());
    for (int i = 0; i < packets.size(); i++) {
      Map<?, ?> entry = (Map<?, ?>) packets.get(i);
      assertEquals(List.of("id", "name", "schema", "packed"), new ArrayList<>(entry.keySet()));
      assertEquals(i + 1, entry.get("id"));
      assertEquals(registry.name(i + 1), entry.get("name"));
      assertEquals(registry.schemas().get(registry.name(i + 1)), entry.get("schema"));
    }
    Map<?, ?> meta = (Map<?, ?>) packets.get(registry.id(Meta.class) - 1);
    assertEquals(List.of("meta"), meta.get("packed"));
    Map<?, ?> bundle = (Map<?, ?>) packets.get(registry.id(Bundle.class) - 1);
    assertEquals(Map.of("id", 2, "name", "Bundle", "schema", "buffer", "packed", List.of()), bundle);
    String json = Json.write(table, false);
    assertTrue(json.startsWith("{\"fingerprint\":\"" + registry.fingerprint() + "\",\"packets\":[{\"id\":1,"
        + "\"name\":\"Action\",\"schema\":{\"value\":\"varuint\"},\"packed\":[]},"), json);
  }

  @Test
  void fingerprintIsTheDocumentedHash() throws Exception {
    PacketRegistry registry = TestRegistries.flecks();
    String fingerprint = registry.fingerprint();
    assertTrue(fingerprint.matches("[0-9a-f]{16}"), fingerprint);
    String canonical = Json.write(registry.table().get("packets"), true);
    assertEquals("[{\"id\":1,\"name\":\"Action\",\"packed\":[],\"schema\":{\"value\":\"varuint\"}},"
        + "{\"id\":2,\"name\":\"Bundle\",\"packed\":[],\"schema\":\"buffer\"},"
        + "{\"id\":3,\"name\":\"Logout\",\"packed\":[],\"schema\":{}},"
        + "{\"id\":4,\"name\":\"Redirect\",\"packed\":[],\"schema\":{\"location\":\"string\"}},"
        + "{\"id\":5,\"name\":\"Refresh\",\"packed\":[],\"schema\":{}}]", canonical);
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
    assertEquals(HexFormat.of().formatHex(digest, 0, 8), fingerprint);
    assertTrue(registry.toString().contains(fingerprint));
    assertTrue(registry.toString().contains("[Action, Bundle, Logout, Redirect, Refresh]"), registry.toString());
  }

  @Test
  void fingerprintIsStableAndChangesWithTheSchemas() {
    String base = TestRegistries.flecks().fingerprint();
    assertEquals(base, TestRegistries.flecks().fingerprint());
    assertNotEquals(base, TestRegistries.all().fingerprint(), "more packets");
    assertNotEquals(base, PacketRegistry.of(Action.class).fingerprint(), "fewer packets");

    PacketRegistry actionAsVarint = PacketRegistry.builder()
        .add(empty(Action.class, "Action", Schemas.object("value", "varint"), new Action(0)))
        .add(Logout.class).build();
    assertEquals(TestRegistries.flecks().schemas().keySet(), actionAsVarint.schemas().keySet());
    assertNotEquals(base, actionAsVarint.fingerprint(), "one field's type changed");

    PacketRegistry renamedField = PacketRegistry.builder()
        .add(empty(Action.class, "Action", Schemas.object("amount", "varuint"), new Action(0)))
        .add(Logout.class).build();
    assertNotEquals(base, renamedField.fingerprint(), "one field's name changed");

    PacketRegistry sameSchemaByHand = PacketRegistry.builder()
        .add(empty(Action.class, "Action", Schemas.object("value", "varuint"), new Action(0)))
        .add(Logout.class).build();
    assertEquals(base, sameSchemaByHand.fingerprint(), "the hash covers schemas, not codec classes");
  }

  @Test
  void decodeCopiesNothingBack() {
    PacketRegistry registry = TestRegistries.all();
    byte[] bytes = registry.encode(new Meta(1, new byte[] {1, 2}));
    Meta meta = registry.decode(Meta.class, bytes);
    bytes[bytes.length - 1] = 9;
    assertArrayEquals(new byte[] {1, 2}, (byte[]) meta.meta(), "decoded values do not alias the input");
  }
}
