package dev.packets.functional;

import static dev.packets.functional.Fixtures.ALL;
import static dev.packets.functional.Fixtures.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.Bundle;
import dev.packets.PacketRegistry;
import dev.packets.Redirect;
import dev.packets.Refresh;
import dev.packets.fixtures.Action;
import dev.packets.fixtures.AllTypes;
import dev.packets.fixtures.Carriers;
import dev.packets.fixtures.Empty;
import dev.packets.fixtures.Inventory;
import dev.packets.fixtures.Logout;
import dev.packets.fixtures.Move;
import dev.packets.fixtures.Nested;
import dev.packets.fixtures.Player;
import dev.packets.fixtures.Renamed;
import dev.packets.fixtures.Sorting;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Generated codecs: exact bytes and lengths, boundaries of every type, and the way back. */
class RoundTripTest {

  private static byte[] roundTrip(int expectedLength, Object packet) {
    byte[] bytes = ALL.encode(packet);
    assertEquals(expectedLength, bytes.length, () -> "length of " + packet + ": " + hex(bytes));
    assertEquals(expectedLength, ALL.measure(packet));
    Object back = ALL.decode(ALL.id(packet.getClass()), bytes);
    assertTrue(Fixtures.samePacket(packet, back), () -> packet + " came back as " + back);
    Object hydrated = ALL.hydrate(ALL.dehydrate(packet));
    assertTrue(Fixtures.samePacket(packet, hydrated), () -> packet + " hydrated as " + hydrated);
    return bytes;
  }

  @Test
  void schemapackReadmePlayer() {
    Player p = new Player(4000, false, List.of((short) -540, (short) 343, (short) 1201), new Player.Attributes(87, 42, 22));
    assertEquals("2a1657a01f0003fde4015704b1", hex(roundTrip(13, p)));
  }

  @Test
  void allTypesAtTheirMinimum() {
    AllTypes min = new AllTypes(false, Byte.MIN_VALUE, 0, Short.MIN_VALUE, 0, Integer.MIN_VALUE, 0L, -Float.MAX_VALUE,
        -Double.MAX_VALUE, -(1 << 30), 0, "", new byte[0]);
    // b(1) buf(1) f32(4) f64(8) i16(2) i32(4) i8(1) s(1) u16(2) u32(4) u8(1) vi(5) vu(1)
    assertEquals("00" + "00" + "ff7fffff" + "ffefffffffffffff" + "8000" + "80000000" + "80" + "00" + "0000" + "00000000"
        + "00" + "ffffffff07" + "00", hex(roundTrip(35, min)));
  }

  @Test
  void allTypesAtZero() {
    AllTypes zero = new AllTypes(false, (byte) 0, 0, (short) 0, 0, 0, 0L, 0f, 0d, 0, 0, "", new byte[0]);
    roundTrip(31, zero);
  }

  @Test
  void allTypesAtTheirMaximum() {
    AllTypes max = new AllTypes(true, Byte.MAX_VALUE, 255, Short.MAX_VALUE, 65535, Integer.MAX_VALUE, 0xFFFF_FFFFL,
        Float.MAX_VALUE, Double.MAX_VALUE, (1 << 30) - 1, Integer.MAX_VALUE, "é", new byte[] {1, 2, 3});
    // b sorts before buf
    assertEquals("01" + "03010203" + "7f7fffff" + "7fefffffffffffff" + "7fff" + "7fffffff" + "7f" + "02c3a9" + "ffff"
        + "ffffffff" + "ff" + "feffffff07" + "ffffffff07", hex(roundTrip(44, max)));
  }

  @Test
  void specialFloats() {
    AllTypes nan = new AllTypes(false, (byte) 0, 0, (short) 0, 0, 0, 0L, Float.NaN, Double.NaN, 0, 0, "", new byte[0]);
    String bytes = hex(roundTrip(31, nan));
    assertTrue(bytes.contains("7fc00000"), bytes);
    assertTrue(bytes.contains("7ff8000000000000"), bytes);
    roundTrip(31, new AllTypes(false, (byte) 0, 0, (short) 0, 0, 0, 0L, Float.NEGATIVE_INFINITY, -0d, 0, 0, "",
        new byte[0]));
    roundTrip(31, new AllTypes(false, (byte) 0, 0, (short) 0, 0, 0, 0L, Float.MIN_VALUE, Double.MIN_VALUE, 0, 0, "",
        new byte[0]));
  }

  @Test
  void everyCarrier() {
    Carriers c = new Carriers((short) -128, 127, (short) 255, -32768, '\uffff', -(1L << 30), Integer.MAX_VALUE, 42, true,
        'x', 300L, List.of(0, 255), List.of(-1L, 1L << 29), List.of('a', 'é'), List.of((byte) -1),
        List.of(List.of("a", "b"), List.of()), List.of(new byte[] {9}, new byte[0]));
    byte[] bytes = roundTrip(ALL.measure(c), c);
    Carriers back = ALL.decode(Carriers.class, bytes);
    assertEquals('\uffff', back.uint16Char());
    assertEquals(List.of('a', 'é'), back.chars());
    assertEquals(-(1L << 30), back.varintLong());
  }

  @Test
  void fieldsAreWrittenSortedByUtf16CodeUnits() {
    // declared b, A, _c, a, aa, Z, a1; written A, Z, _c, a, a1, aa, b
    Sorting s = new Sorting(7, 1, 3, 4, 6, 2, 5);
    assertEquals("01020304050607", hex(roundTrip(7, s)));
    assertEquals(List.of("b", "A", "_c", "a", "aa", "Z", "a1"),
        List.copyOf(((Map<?, ?>) ALL.dehydrate(s).get(1)).keySet().stream().map(Object::toString).toList()));
  }

  @Test
  void emptyPacketIsZeroBytes() {
    assertEquals(0, roundTrip(0, new Empty()).length);
  }

  @Test
  void nestedObjectsAreInlined() {
    Nested n = new Nested(1, new Nested.Outer("o", new Nested.Inner(1f, 2f, new Nested.Deep(true, -1))));
    // id, outer.inner.deep.flag, .n, outer.inner.x, .y, outer.name
    assertEquals("01" + "01" + "ffffffff" + "3f800000" + "40000000" + "016f", hex(roundTrip(16, n)));
  }

  @Test
  void listsOfObjects() {
    Inventory inv = new Inventory(List.of(new Inventory.Item(1, "a", new Inventory.Pos(-1, 2)),
        new Inventory.Item(300, "bc", new Inventory.Pos(3, -4))), 2);
    // count, items: 2, [id, name, pos.x, pos.y] ...
    assertEquals("02" + "02" + "01" + "0161" + "ffff0002" + "ac02" + "026263" + "0003fffc", hex(roundTrip(18, inv)));
  }

  @Test
  void packetNameFromTheAnnotation() {
    assertEquals("player-joined", ALL.name(Renamed.class));
    assertEquals(Renamed.class, ALL.type("player-joined"));
  }

  @Test
  void idsAreNamesInSortedOrder() {
    List<String> names = List.copyOf(ALL.schemas().keySet());
    assertEquals(names.stream().sorted().toList(), names);
    for (int id = 1; id <= ALL.size(); id++) {
      assertEquals(id, ALL.id(names.get(id - 1)));
    }
  }

  @Test
  void bundleFramingInFlecksRegistry() {
    PacketRegistry flecks = PacketRegistry.of(Action.class, Logout.class);
    assertEquals(List.of("Action", "Bundle", "Logout", "Redirect", "Refresh"), List.copyOf(flecks.schemas().keySet()));
    byte[] bytes = flecks.encode(Bundle.of(new Redirect("/foo"), new Refresh()));
    assertEquals("11050000000400042f666f6f000000000500", hex(bytes));
    Bundle nested = Bundle.of(new Action(1), Bundle.of(new Action(2), new Logout()), Bundle.of());
    byte[] encoded = flecks.encode(nested);
    assertEquals(nested, flecks.decode(Bundle.class, encoded));
    assertEquals(nested, flecks.hydrate(flecks.dehydrate(nested)));
  }

  @Test
  void encodeIntoByteBufsAppends() {
    Move move = new Move(7, 1.5f, -2f, 0.25f, (short) 90, "ada");
    byte[] expected = ALL.encode(move);
    for (ByteBuf buf : new ByteBuf[] {Unpooled.buffer(4), Unpooled.directBuffer(4)}) {
      try {
        buf.writeByte(0xAA);
        ALL.encode(move, buf);
        assertEquals(1 + expected.length, buf.readableBytes());
        assertEquals(0xAA, buf.readUnsignedByte());
        ByteBuf payload = buf.readSlice(expected.length);
        byte[] copy = new byte[expected.length];
        payload.getBytes(payload.readerIndex(), copy);
        assertArrayEquals(expected, copy);
        assertEquals(move, ALL.decode(ALL.id(Move.class), payload));
        assertEquals(0, payload.readableBytes());
      } finally {
        buf.release();
      }
    }
  }

  @Test
  void discoverFindsEveryCompiledPacket() {
    PacketRegistry discovered = PacketRegistry.discover();
    for (String name : ALL.schemas().keySet()) {
      assertTrue(discovered.contains(name), name);
    }
    assertEquals(ALL.fingerprint(), PacketRegistry.of(ALL.schemas().keySet().stream()
        .map(ALL::type).toArray(Class<?>[]::new)).fingerprint());
  }
}
