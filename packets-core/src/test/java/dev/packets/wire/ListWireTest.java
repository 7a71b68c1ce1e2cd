package dev.packets.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.packets.DecodeException;
import dev.packets.EncodeException;
import dev.packets.HydrationException;
import dev.packets.PacketLimits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** array: varuint count, then the items. */
class ListWireTest {
  private static final PacketLimits LIMITS = PacketLimits.DEFAULT;

  private static String writeInt16s(List<Short> list) {
    int size = ListWire.countSize(list, LIMITS, "P.l") + list.size() * Int16Wire.SIZE;
    return Wires.write(size, out -> {
      ListWire.writeCount(out, list);
      for (Short item : list) {
        Int16Wire.write(out, item);
      }
    });
  }

  private static List<Short> readInt16s(WireIn in) {
    int count = ListWire.readCount(in, "P.l", Int16Wire.SIZE);
    List<Short> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add((short) Int16Wire.read(in, "P.l[]"));
    }
    return list;
  }

  @Test
  void schemapackReadmePosition() {
    List<Short> position = List.of((short) -540, (short) 343, (short) 1201);
    assertEquals("03 fd e4 01 57 04 b1", writeInt16s(position));
    assertEquals(position, Wires.read("03 fd e4 01 57 04 b1", ListWireTest::readInt16s));
    assertEquals("00", writeInt16s(List.of()));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 127, 128, 1000})
  void countPrefixSize(int count) {
    List<Short> list = Collections.nCopies(count, (short) 1);
    String hex = writeInt16s(list);
    assertEquals(list, Wires.read(hex, ListWireTest::readInt16s));
    assertEquals(VarUintWire.size(count), ListWire.countSize(list, LIMITS, "P.l"));
  }

  @Test
  void encodeLimitsAndNulls() {
    PacketLimits two = LIMITS.withMaxListLength(2);
    assertEquals(1, ListWire.countSize(List.of(1, 2), two, "P.l"));
    assertEquals("Player.position: list of 3 items exceeds the limit of 2", assertThrows(EncodeException.class,
        () -> ListWire.countSize(List.of(1, 2, 3), two, "Player.position")).getMessage());
    assertEquals("Player.position: is null; a list is required",
        assertThrows(EncodeException.class, () -> ListWire.countSize(null, LIMITS, "Player.position")).getMessage());
    assertEquals("Player.position[]: is null; an int16 is required", assertThrows(EncodeException.class,
        () -> ListWire.item(null, "Player.position[]", Int16Wire.TYPE)).getMessage());
    assertEquals(5, ListWire.item(5, "Player.position[]", Int16Wire.TYPE));
  }

  @Test
  void countIsCheckedAgainstTheLimitAndTheBytesLeft() {
    PacketLimits three = LIMITS.withMaxListLength(3);
    DecodeException over = assertThrows(DecodeException.class,
        () -> ListWire.readCount(Wires.in("04 00 00 00 00 00 00 00 00", three), "Player.position", 2));
    assertEquals("Player.position: list of 4 items exceeds the limit of 3 at byte 0", over.getMessage());

    DecodeException short1 = assertThrows(DecodeException.class,
        () -> ListWire.readCount(Wires.in("03 00 00 00 00"), "Player.position", 2));
    assertEquals("Player.position: list of 3 items needs at least 6 bytes, but only 4 left at byte 0",
        short1.getMessage());

    DecodeException huge = assertThrows(DecodeException.class,
        () -> ListWire.readCount(Wires.in("ff ff ff ff 07"), "Player.position", 0));
    assertEquals("Player.position: list of 2147483647 items exceeds the limit of 65536 at byte 0", huge.getMessage());

    WireIn in = Wires.in("01 02 80 80 04");
    in.getByte("x");
    in.getByte("y");
    DecodeException at = assertThrows(DecodeException.class, () -> ListWire.readCount(in, "Player.position", 1));
    assertEquals(2, at.offset());

    assertEquals(3, ListWire.readCount(Wires.in("03"), "P.l", 0), "items of no bytes need no bytes");
  }

  @Test
  void hydration() {
    List<Integer> list = List.of(1, 2);
    assertSame(list, ListWire.hydrate(list, "P.l", LIMITS));
    assertEquals("P.l: list of 3 items exceeds the limit of 2", assertThrows(HydrationException.class,
        () -> ListWire.hydrate(List.of(1, 2, 3), "P.l", LIMITS.withMaxListLength(2))).getMessage());
    assertEquals("P.l: is missing; a list is required",
        assertThrows(HydrationException.class, () -> ListWire.hydrate(null, "P.l", LIMITS)).getMessage());
    assertEquals("P.l: \"1,2\" is not a list",
        assertThrows(HydrationException.class, () -> ListWire.hydrate("1,2", "P.l", LIMITS)).getMessage());
  }
}
