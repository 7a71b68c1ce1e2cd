package dev.packets.functional;

import static dev.packets.functional.Fixtures.ALL;
import static dev.packets.functional.Fixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.packets.Bundle;
import dev.packets.DecodeException;
import dev.packets.PacketLimits;
import dev.packets.PacketRegistry;
import dev.packets.fixtures.Buffers;
import dev.packets.fixtures.Names;
import dev.packets.fixtures.Player;
import dev.packets.fixtures.Strings;
import dev.packets.fixtures.Varuints;
import org.junit.jupiter.api.Test;

/** Bytes a codec refuses: the error names packet, field path and byte offset, and nothing is allocated first. */
class DecodeErrorsTest {

  private static DecodeException refused(PacketRegistry registry, Class<?> type, String hex) {
    return assertThrows(DecodeException.class, () -> registry.decode(registry.id(type), bytes(hex)));
  }

  @Test
  void trailingBytes() {
    DecodeException e = refused(ALL, Varuints.class, "01 02");
    assertEquals("Varuints: 1 trailing byte(s) after the packet at byte 1", e.getMessage());
    assertEquals(1, e.offset());
  }

  @Test
  void varuintsLongerThanFiveBytesOrOverTheRange() {
    assertEquals("Varuints.v: varuint longer than 5 bytes at byte 0",
        refused(ALL, Varuints.class, "ff ff ff ff ff 01").getMessage());
    assertEquals("Varuints.v: varuint exceeds 2147483647 at byte 0",
        refused(ALL, Varuints.class, "ff ff ff ff 0f").getMessage());
  }

  @Test
  void lengthPrefixesLongerThanWhatRemains() {
    assertEquals("Strings.s: string of 100 bytes, but only 2 left at byte 0",
        refused(ALL, Strings.class, "64 61 62").getMessage());
    assertEquals("Buffers.buf: buffer of 2147483647 bytes exceeds the limit of 1048576 at byte 0",
        refused(ALL, Buffers.class, "ff ff ff ff 07").getMessage());
    assertEquals("Names.names: list of 40000 items needs at least 40000 bytes, but only 1 left at byte 0",
        refused(ALL, Names.class, "c0 b8 02 00").getMessage());
    assertEquals("Player.position: list of 3 items needs at least 6 bytes, but only 2 left at byte 6",
        refused(ALL, Player.class, "2a 16 57 a0 1f 00 03 fd e4").getMessage());
  }

  @Test
  void unknownPacketIds() {
    assertEquals("(packet 999): unknown packet id 999 (ids are 1.." + ALL.size() + ") at byte 0",
        assertThrows(DecodeException.class, () -> ALL.decode(999, new byte[0])).getMessage());
    // inside a Bundle: u32 LE length 0, u16 LE id 0xffff
    assertEquals("Bundle.packets: unknown packet id 65535 at byte 5",
        refused(ALL, Bundle.class, "06 00 00 00 00 ff ff").getMessage());
  }

  @Test
  void bundlesDeeperThanTheLimit() {
    PacketRegistry shallow = ALL.withLimits(PacketLimits.DEFAULT.withMaxBundleDepth(1));
    byte[] nested = ALL.encode(Bundle.of(Bundle.of()));
    DecodeException e = assertThrows(DecodeException.class, () -> shallow.decode(shallow.id(Bundle.class), nested));
    assertEquals("Bundle.packets: Bundles nest deeper than the limit of 1 at byte 7", e.getMessage());
  }

  @Test
  void packetsOverTheSizeLimit() {
    PacketRegistry small = ALL.withLimits(PacketLimits.DEFAULT.withMaxPacketBytes(4));
    assertEquals("Strings: packet of 5 bytes exceeds the limit of 4 at byte 0",
        assertThrows(DecodeException.class, () -> small.decode(small.id(Strings.class), bytes("04 61 62 63 64")))
            .getMessage());
  }
}
