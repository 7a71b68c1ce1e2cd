package dev.packets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.handwritten.Action;
import dev.packets.handwritten.Chat;
import dev.packets.handwritten.Logout;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** flecks' Bundle framing: a buffer of {u32 LE length, u16 LE id, payload} frames; Bundles in Bundles; depth. */
class BundleTest {
  private static final PacketRegistry REGISTRY = TestRegistries.flecks();
  private static final int BUNDLE = 2;

  private static String encode(Object packet) {
    return Hex.of(REGISTRY.encode(packet));
  }

  private static Object decode(String hex) {
    return REGISTRY.decode(BUNDLE, Hex.bytes(hex));
  }

  @Test
  void flecksFramingByteForByte() {
    Bundle bundle = Bundle.of(new Redirect("/foo"), new Refresh());
    String hex = "11 05 00 00 00 04 00 04 2f 66 6f 6f 00 00 00 00 05 00";
    assertEquals(hex, encode(bundle));
    assertEquals(18, REGISTRY.measure(bundle));
    assertEquals(bundle, decode(hex));
  }

  @Test
  void userPacketsInABundle() {
    Bundle bundle = Bundle.of(new Action(300), new Logout(), new Action(0));
    String hex = "15 02 00 00 00 01 00 ac 02 00 00 00 00 03 00 01 00 00 00 01 00 00";
    assertEquals(hex, encode(bundle));
    assertEquals(bundle, decode(hex));
  }

  @Test
  void emptyBundle() {
    assertEquals("00", encode(Bundle.of()));
    assertEquals(Bundle.of(), decode("00"));
  }

  @Test
  void bundlesOfBundles() {
    Bundle bundle = Bundle.of(Bundle.of(new Refresh()), new Action(1));
    String hex = "14 07 00 00 00 02 00 06 00 00 00 00 05 00 01 00 00 00 01 00 01";
    assertEquals(hex, encode(bundle));
    assertEquals(bundle, decode(hex));
    Bundle deep = Bundle.of(Bundle.of(Bundle.of(), Bundle.of(new Redirect("/é"))), new Logout(),
        Bundle.of(new Action(Integer.MAX_VALUE)));
    byte[] bytes = REGISTRY.encode(deep);
    assertEquals(REGISTRY.measure(deep), bytes.length);
    assertEquals(deep, REGISTRY.decode(BUNDLE, bytes));
  }

  @Test
  void bundleLengthPrefixGrowsPastOneByte() {
    Object[] actions = new Object[30];
    for (int i = 0; i < actions.length; i++) {
      actions[i] = new Action(i);
    }
    Bundle bundle = Bundle.of(actions);
    byte[] bytes = REGISTRY.encode(bundle);
    assertEquals("d2 01", Hex.of(bytes, 0, 2), "30 frames of 7 bytes: 210 = d2 01");
    assertEquals(212, bytes.length);
    assertEquals(bundle, REGISTRY.decode(BUNDLE, bytes));
  }

  @Test
  void depthLimitOnEncode() {
    assertEquals(TestRegistries.nested(8), REGISTRY.decode(BUNDLE, REGISTRY.encode(TestRegistries.nested(8))));
    EncodeException e = assertThrows(EncodeException.class, () -> REGISTRY.encode(TestRegistries.nested(9)));
    assertEquals("Bundle.packets: Bundles nest deeper than the limit of 8", e.getMessage());
    assertEquals("Bundle", e.packet());
    PacketRegistry flat = REGISTRY.withLimits(PacketLimits.DEFAULT.withMaxBundleDepth(1));
    assertEquals(7, flat.encode(Bundle.of(new Refresh())).length);
    assertThrows(EncodeException.class, () -> flat.encode(Bundle.of(Bundle.of())));
  }

  @Test
  void depthLimitOnDecode() {
    PacketRegistry deeper = REGISTRY.withLimits(PacketLimits.DEFAULT.withMaxBundleDepth(9));
    byte[] nine = deeper.encode(TestRegistries.nested(9));
    assertEquals(TestRegistries.nested(9), deeper.decode(BUNDLE, nine));
    DecodeException e = assertThrows(DecodeException.class, () -> REGISTRY.decode(BUNDLE, nine));
    assertEquals("Bundle.packets", e.path());
    assertTrue(e.getMessage().startsWith("Bundle.packets: Bundles nest deeper than the limit of 8 at byte "),
        e.getMessage());
    assertEquals(8 * 7, e.offset(), "the ninth Bundle starts after eight length prefixes and frame headers");
  }

  @Test
  void depthLimitOnHydrate() {
    Object dry = REGISTRY.dehydrate(TestRegistries.nested(9));
    HydrationException e = assertThrows(HydrationException.class, () -> REGISTRY.hydrate((List<?>) dry));
    assertEquals("Bundle.packets: Bundles nest deeper than the limit of 8", e.getMessage());
    assertEquals(TestRegistries.nested(8), REGISTRY.hydrate(REGISTRY.dehydrate(TestRegistries.nested(8))));
  }

  @Test
  void depthLimitOnHydrateWhenInnerBundlesAreNamedById() {
    Object data = List.of(List.of("Refresh", Map.of()));
    for (int i = 1; i < 9; i++) {
      data = List.of(List.of(BUNDLE, data));
    }
    List<Object> byId = List.of("Bundle", data);
    assertThrows(HydrationException.class, () -> REGISTRY.hydrate(byId));
    Object deep = List.of();
    for (int i = 0; i < 100_000; i++) {
      deep = List.of(List.of(BUNDLE, deep));
    }
    List<Object> hostile = List.of("Bundle", deep);
    assertThrows(HydrationException.class, () -> REGISTRY.hydrate(hostile), "no StackOverflowError");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "05 00                         | Bundle.packets: Bundle of 5 bytes, but only 1 left at byte 0",
      "03 01 00 00                   | Bundle.packets: truncated input: needs 4 byte(s), 3 left at byte 1",
      "05 00 00 00 00 04             | Bundle.packets: truncated input: needs 2 byte(s), 1 left at byte 5",
      "06 00 00 00 00 09 00          | Bundle.packets: unknown packet id 9 at byte 5",
      "06 00 00 00 00 00 00          | Bundle.packets: unknown packet id 0 at byte 5",
      "06 00 00 00 00 ff ff          | Bundle.packets: unknown packet id 65535 at byte 5",
      "07 05 00 00 00 04 00 01       | Bundle.packets: packet of 5 bytes, but only 1 left at byte 1",
      "06 ff ff ff ff 04 00          | Bundle.packets: packet of 4294967295 bytes, but only 0 left at byte 1",
      "08 02 00 00 00 05 00 00 00    | Refresh: 2 trailing byte(s) after the packet at byte 7",
      "09 03 00 00 00 04 00 04 2f 66 | Redirect.location: string of 4 bytes, but only 2 left at byte 7",
      "08 02 00 00 00 01 00 80 80    | Action.value: truncated varuint at byte 7",
      "07 01 00 00 00 02 00 05       | Bundle.packets: Bundle of 5 bytes, but only 0 left at byte 7",
      "ff ff ff ff 07                | Bundle.packets: Bundle of 2147483647 bytes exceeds the limit of 1048576 at byte 0",
      "''                            | Bundle.packets: truncated varuint at byte 0",
  })
  void malformedBundles(String hex, String message) {
    DecodeException e = assertThrows(DecodeException.class, () -> decode(hex));
    assertEquals(message, e.getMessage());
  }

  @Test
  void bytesAfterTheBundleBufferAreTrailing() {
    DecodeException e = assertThrows(DecodeException.class, () -> decode("00 00"));
    assertEquals("Bundle: 1 trailing byte(s) after the packet at byte 1", e.getMessage());
  }

  @Test
  void encodeErrorsInsideABundle() {
    EncodeException unregistered = assertThrows(EncodeException.class,
        () -> REGISTRY.encode(Bundle.of(new Refresh(), new Chat(1, "x"))));
    assertEquals("Bundle.packets[1]: " + Chat.class.getName() + " is not a registered packet",
        unregistered.getMessage());
    EncodeException inner = assertThrows(EncodeException.class,
        () -> REGISTRY.encode(Bundle.of(new Redirect("/x"), new Action(-1))));
    assertEquals("Action.value: -1 is out of range for varuint (0..2147483647)", inner.getMessage());
    EncodeException deepInner = assertThrows(EncodeException.class,
        () -> REGISTRY.encode(Bundle.of(Bundle.of(new Redirect(null)))));
    assertEquals("Redirect.location: is null; a string is required", deepInner.getMessage());
  }

  @Test
  void packetSizeLimitCountsTheWholeBundle() {
    PacketRegistry small = REGISTRY.withLimits(PacketLimits.DEFAULT.withMaxPacketBytes(20));
    assertEquals(18, small.encode(Bundle.of(new Redirect("/foo"), new Refresh())).length);
    EncodeException content = assertThrows(EncodeException.class,
        () -> small.encode(Bundle.of(new Redirect("/foo"), new Refresh(), new Refresh())));
    assertEquals("Bundle.packets: Bundle of more than 23 bytes exceeds the limit of 20", content.getMessage());
    EncodeException whole = assertThrows(EncodeException.class,
        () -> small.encode(Bundle.of(new Redirect("/foo123"), new Refresh())));
    assertEquals("Bundle: packet of 21 bytes exceeds the limit of 20", whole.getMessage());
  }

  @Test
  void dehydratesToNamedPackets() {
    Bundle bundle = Bundle.of(new Redirect("/foo"), Bundle.of(new Action(3)), new Refresh());
    List<Object> dry = REGISTRY.dehydrate(bundle);
    assertEquals(List.of("Bundle", List.of(
        List.of("Redirect", Map.of("location", "/foo")),
        List.of("Bundle", List.of(List.of("Action", Map.of("value", 3)))),
        List.of("Refresh", Map.of()))), dry);
    assertEquals(bundle, REGISTRY.hydrate(dry));
  }

  @Test
  void hydratesOtherForms() {
    assertEquals(Bundle.of(new Refresh()),
        REGISTRY.hydrate(List.of("Bundle", Map.of("packets", List.of(List.of("Refresh", Map.of()))))));
    assertEquals(Bundle.of(new Refresh(), new Action(1)),
        REGISTRY.hydrate(List.of("Bundle", List.of(new Refresh(), List.of(1, Map.of("value", 1))))));
    assertEquals(Bundle.of(Bundle.of()), REGISTRY.hydrate(List.of("Bundle", List.of(List.of("Bundle")))));
    assertEquals(Bundle.of(Bundle.of(new Logout())),
        REGISTRY.hydrate(List.of("Bundle", List.of(List.of(BUNDLE, List.of(List.of("Logout", Map.of())))))));
  }

  @Test
  void hydrationErrorsInsideABundle() {
    assertEquals("Bundle.packets[0]: is not a dehydrated packet [\"Name\", data]", assertThrows(
        HydrationException.class, () -> REGISTRY.hydrate(List.of("Bundle", List.of("Refresh")))).getMessage());
    assertEquals("Chat: unknown packet 'Chat'", assertThrows(HydrationException.class,
        () -> REGISTRY.hydrate(List.of("Bundle", List.of(List.of("Chat", Map.of()))))).getMessage());
    assertEquals("Action.value: -1 is out of range for varuint (0..2147483647)", assertThrows(
        HydrationException.class,
        () -> REGISTRY.hydrate(List.of("Bundle", List.of(List.of("Action", Map.of("value", -1)))))).getMessage());
    assertEquals("Bundle.packets: \"x\" is not a list",
        assertThrows(HydrationException.class, () -> REGISTRY.hydrate(List.of("Bundle", "x"))).getMessage());
    assertEquals("Bundle.packets: list of 2 items exceeds the limit of 1", assertThrows(HydrationException.class,
        () -> REGISTRY.withLimits(PacketLimits.DEFAULT.withMaxListLength(1))
            .hydrate(List.of("Bundle", List.of(List.of("Refresh"), List.of("Refresh"))))).getMessage());
  }

  /** Hostile: one Bundle frame used to carry any number of packets (≈170,000 in 1 MiB), each an acceptor call. */
  @Test
  void aBundleHoldsAtMostMaxBundlePacketsAtEveryDepth() {
    PacketRegistry small = PacketRegistry.builder().add(Action.class).add(Logout.class)
        .limits(PacketLimits.DEFAULT.withMaxBundlePackets(3)).build();
    Bundle three = Bundle.of(new Action(1), Bundle.of(new Logout(), new Action(2)));
    assertEquals(three, small.decode(small.id(Bundle.class), small.encode(three)));
    Bundle four = Bundle.of(new Action(1), Bundle.of(new Logout(), new Action(2)), new Logout());
    EncodeException tooMany = assertThrows(EncodeException.class, () -> small.encode(four));
    assertTrue(tooMany.getMessage().contains("Bundle of 4 packets exceeds the limit of 3"), tooMany.getMessage());
    byte[] bytes = REGISTRY.encode(four);
    DecodeException refused = assertThrows(DecodeException.class, () -> small.decode(small.id(Bundle.class), bytes));
    assertTrue(refused.getMessage().contains("Bundle of more than 3 packets exceeds the limit"), refused.getMessage());
    HydrationException hydrated = assertThrows(HydrationException.class, () -> small.hydrate(List.of("Bundle",
        List.of(List.of("Action", Map.of("value", 1)), List.of("Bundle", List.of(List.of("Logout", Map.of()),
            List.of("Logout", Map.of()))), List.of("Logout", Map.of())))));
    assertTrue(hydrated.getMessage().contains("Bundle of more than 3 packets"), hydrated.getMessage());
  }
}
