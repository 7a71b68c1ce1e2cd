package dev.packets.functional;

import static dev.packets.functional.Fixtures.ALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.packets.Bundle;
import dev.packets.EncodeException;
import dev.packets.PacketLimits;
import dev.packets.PacketRegistry;
import dev.packets.fixtures.AllTypes;
import dev.packets.fixtures.Carriers;
import dev.packets.fixtures.Inventory;
import dev.packets.fixtures.Meta;
import dev.packets.fixtures.Names;
import dev.packets.fixtures.Nested;
import dev.packets.fixtures.Player;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values a codec refuses: the error names packet, field path, value and wire type, and nothing is written. */
class EncodeErrorsTest {

  private static AllTypes allTypes(int u8, long u32, int vi, int vu, String s) {
    return new AllTypes(false, (byte) 0, u8, (short) 0, 0, 0, u32, 0f, 0d, vi, vu, s, new byte[0]);
  }

  private static void refused(Object packet, String message) {
    EncodeException e = assertThrows(EncodeException.class, () -> ALL.encode(packet));
    assertEquals(message, e.getMessage());
    assertThrows(EncodeException.class, () -> ALL.measure(packet));
    // the caller's buffer is left exactly as it was
    for (ByteBuf buf : new ByteBuf[] {Unpooled.buffer(8), Unpooled.directBuffer(8)}) {
      try {
        buf.writeBytes(new byte[] {1, 2, 3});
        assertThrows(EncodeException.class, () -> ALL.encode(packet, buf));
        assertEquals(0, buf.readerIndex());
        assertEquals(3, buf.writerIndex());
      } finally {
        buf.release();
      }
    }
  }

  @Test
  void nestedFieldOutOfRange() {
    Player p = new Player(1, false, List.of(), new Player.Attributes(300, 0, 0));
    refused(p, "Player.attributes.str: 300 is out of range for uint8 (0..255)");
  }

  @Test
  void renamedFieldOutOfRangeUsesTheWireName() {
    refused(new Player(1, false, List.of(), new Player.Attributes(0, 0, -1)),
        "Player.attributes.int: -1 is out of range for uint8 (0..255)");
  }

  @Test
  void scalarRanges() {
    refused(allTypes(256, 0, 0, 0, ""), "AllTypes.u8: 256 is out of range for uint8 (0..255)");
    refused(allTypes(0, -1, 0, 0, ""), "AllTypes.u32: -1 is out of range for uint32 (0..4294967295)");
    refused(allTypes(0, 1L << 32, 0, 0, ""), "AllTypes.u32: 4294967296 is out of range for uint32 (0..4294967295)");
    refused(allTypes(0, 0, 1 << 30, 0, ""), "AllTypes.vi: 1073741824 is out of range for varint (-1073741824..1073741823)");
    refused(allTypes(0, 0, -(1 << 30) - 1, 0, ""),
        "AllTypes.vi: -1073741825 is out of range for varint (-1073741824..1073741823)");
    refused(allTypes(0, 0, 0, -1, ""), "AllTypes.vu: -1 is out of range for varuint (0..2147483647)");
  }

  @Test
  void carrierRanges() {
    Carriers ok = new Carriers((short) 0, 0, (short) 0, 0, 'a', 0L, 0L, 0, true, 'a', 0L, List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of());
    ALL.encode(ok);
    refused(new Carriers((short) 128, 0, (short) 0, 0, 'a', 0L, 0L, 0, true, 'a', 0L, List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of()), "Carriers.int8Short: 128 is out of range for int8 (-128..127)");
    refused(new Carriers((short) 0, 0, (short) 0, 40000, 'a', 0L, 0L, 0, true, 'a', 0L, List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of()), "Carriers.int16Int: 40000 is out of range for int16 (-32768..32767)");
    refused(new Carriers((short) 0, 0, (short) 0, 0, 'a', 0L, 1L << 31, 0, true, 'a', 0L, List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of()),
        "Carriers.varuintLong: 2147483648 is out of range for varuint (0..2147483647)");
    refused(new Carriers((short) 0, 0, (short) 0, 0, 'a', 0L, 0L, 0, true, 'a', 0L, List.of(0, 256), List.of(),
        List.of(), List.of(), List.of(), List.of()), "Carriers.uint8s[]: 256 is out of range for uint8 (0..255)");
  }

  @Test
  void nullsWhereValuesAreRequired() {
    refused(allTypes(0, 0, 0, 0, null), "AllTypes.s: is null; a string is required");
    refused(new Player(1, false, null, new Player.Attributes(0, 0, 0)), "Player.position: is null; a list is required");
    refused(new Player(1, false, List.of(), null), "Player.attributes: is null; an object is required");
    refused(new Player(1, false, Arrays.asList((short) 1, null), new Player.Attributes(0, 0, 0)),
        "Player.position[]: is null; an int16 is required");
    refused(new Carriers((short) 0, 0, (short) 0, 0, 'a', 0L, 0L, null, true, 'a', 0L, List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of()), "Carriers.boxedInt: is null; an int32 is required");
    refused(new Nested(1, new Nested.Outer("x", null)), "Nested.outer.inner: is null; an object is required");
    refused(new Inventory(Collections.singletonList(null), 0), "Inventory.items[]: is null; an object is required");
  }

  @Test
  void limits() {
    PacketRegistry tight = ALL.withLimits(PacketLimits.DEFAULT.withMaxStringBytes(4).withMaxListLength(2)
        .withMaxBufferBytes(3).withMaxPacketBytes(64).withMaxBundleDepth(2));
    assertEquals("AllTypes.s: string of 5 UTF-8 bytes exceeds the limit of 4",
        assertThrows(EncodeException.class, () -> tight.encode(allTypes(0, 0, 0, 0, "héll"))).getMessage());
    assertEquals("Names.names: list of 3 items exceeds the limit of 2",
        assertThrows(EncodeException.class, () -> tight.encode(new Names(List.of("a", "b", "c")))).getMessage());
    assertEquals("AllTypes.buf: buffer of 4 bytes exceeds the limit of 3", assertThrows(EncodeException.class,
        () -> tight.encode(new AllTypes(false, (byte) 0, 0, (short) 0, 0, 0, 0L, 0f, 0d, 0, 0, "", new byte[4])))
        .getMessage());
    PacketRegistry small = ALL.withLimits(PacketLimits.DEFAULT.withMaxPacketBytes(8));
    assertEquals("Names: packet of 11 bytes exceeds the limit of 8",
        assertThrows(EncodeException.class, () -> small.encode(new Names(List.of("abcd", "abcd")))).getMessage());
    assertEquals("Bundle.packets: Bundles nest deeper than the limit of 2", assertThrows(EncodeException.class,
        () -> tight.encode(Bundle.of(Bundle.of(Bundle.of())))).getMessage());
  }

  @Test
  void packedValuesMustBeJsonLike() {
    refused(new Meta(1, new Object()), "Meta.meta: a java.lang.Object is not JSON-like (null, Boolean, Number, String, "
        + "byte[], List, Map)");
    Map<Object, Object> badKey = new HashMap<>();
    badKey.put(1, "x");
    refused(new Meta(1, badKey), "Meta.meta: map key 1 is not a string");
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);
    EncodeException e = assertThrows(EncodeException.class, () -> ALL.encode(new Meta(1, cycle)));
    assertEquals("packed value nests deeper than the limit of 64", e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
  }
}
