package dev.packets.bench.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every contender decodes what it encoded, so the benchmark compares honest serializers. */
class ContendersTest {
  @Test
  void everyContenderRoundTripsBothPackets() {
    for (String name : Contenders.NAMES) {
      for (Object value : new Object[] {Move.SAMPLE, Player.SAMPLE}) {
        Contender c = Contenders.create(name, value.getClass().getSimpleName());
        int length = c.encode(value);
        assertEquals(length, c.bytes().length, name);
        assertEquals(value, c.decode(), name + " " + value.getClass().getSimpleName());
        assertEquals(value, c.decode(), name + " decodes twice");
      }
    }
  }

  @Test
  void everyUpdateContenderRoundTripsItWithTheLabelAndWithout() {
    for (String name : Contenders.UPDATE_NAMES) {
      for (Update value : new Update[] {Update.SAMPLE, new Update(-1, null, Update.Kind.IDLE, 0)}) {
        Contender c = Contenders.create(name, "Update");
        c.encode(value);
        assertEquals(value, c.decode(), name + " " + value);
      }
    }
  }

  @Test
  void packetsWritesSchemapackBytes() {
    Contender c = Contenders.create("packets", "Player");
    c.encode(Player.SAMPLE);
    assertEquals("2a1657a01f0003fde4015704b1", java.util.HexFormat.of().formatHex(c.bytes()));
  }
}
