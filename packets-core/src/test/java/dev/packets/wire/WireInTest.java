package dev.packets.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.packets.DecodeException;
import dev.packets.Hex;
import dev.packets.PacketLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The read cursor: ranges, truncation at every length, length prefixes, slices and offsets. */
class WireInTest {
  private static final PacketLimits LIMITS = PacketLimits.DEFAULT;

  /** One field of every wire type, in a fixed order, the way a codec reads a record. */
  private static final List<String> FIELDS = List.of(
      "bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "float32", "float64", "varint", "varuint",
      "string", "buffer", "array", "packed");

  private static final byte[] PACKED = PackedWire.pack(Map.of("a", 1), LIMITS, "p");

  /** Writes the record, returning each field's start offset and, last, the total length. */
  private static int[] write(byte[] buf) {
    int[] starts = new int[FIELDS.size() + 1];
    WireOut out = new WireOut(buf, 0);
    int i = 0;
    starts[i++] = out.position();
    BoolWire.write(out, true);
    starts[i++] = out.position();
    Int8Wire.write(out, -2);
    starts[i++] = out.position();
    UInt8Wire.write(out, 200);
    starts[i++] = out.position();
    Int16Wire.write(out, -540);
    starts[i++] = out.position();
    UInt16Wire.write(out, 1201);
    starts[i++] = out.position();
    Int32Wire.write(out, -2);
    starts[i++] = out.position();
    UInt32Wire.write(out, 4294967295L);
    starts[i++] = out.position();
    Float32Wire.write(out, 188.5f);
    starts[i++] = out.position();
    Float64Wire.write(out, 1.0);
    starts[i++] = out.position();
    VarIntWire.write(out, -65);
    starts[i++] = out.position();
    VarUintWire.write(out, 300);
    starts[i++] = out.position();
    StringWire.write(out, "é€");
    starts[i++] = out.position();
    BufferWire.write(out, new byte[] {1, 2, 3});
    starts[i++] = out.position();
    List<Short> list = List.of((short) 1, (short) 2);
    ListWire.writeCount(out, list);
    list.forEach(item -> Int16Wire.write(out, item));
    starts[i++] = out.position();
    PackedWire.write(out, PACKED);
    starts[i] = out.position();
    return starts;
  }

  private static List<Object> read(WireIn in) {
    List<Object> values = new ArrayList<>();
    values.add(BoolWire.read(in, "R.bool"));
    values.add(Int8Wire.read(in, "R.int8"));
    values.add(UInt8Wire.read(in, "R.uint8"));
    values.add(Int16Wire.read(in, "R.int16"));
    values.add(UInt16Wire.read(in, "R.uint16"));
    values.add(Int32Wire.read(in, "R.int32"));
    values.add(UInt32Wire.read(in, "R.uint32"));
    values.add(Float32Wire.read(in, "R.float32"));
    values.add(Float64Wire.read(in, "R.float64"));
    values.add(VarIntWire.read(in, "R.varint"));
    values.add(VarUintWire.read(in, "R.varuint"));
    values.add(StringWire.read(in, "R.string"));
    values.add(List.of(BufferWire.read(in, "R.buffer")));
    int count = ListWire.readCount(in, "R.array", Int16Wire.SIZE);
    List<Integer> items = new ArrayList<>();
    for (int j = 0; j < count; j++) {
      items.add(Int16Wire.read(in, "R.array[]"));
    }
    values.add(items);
    values.add(PackedWire.read(in, "R.packed"));
    in.expectEnd("R");
    return values;
  }

  private static byte[] record() {
    byte[] buf = new byte[256];
    int[] starts = write(buf);
    byte[] bytes = new byte[starts[FIELDS.size()]];
    System.arraycopy(buf, 0, bytes, 0, bytes.length);
    return bytes;
  }

  @Test
  void readsTheWholeRecord() {
    byte[] bytes = record();
    assertEquals("01 fe c8 fd e4 04 b1 ff ff ff fe ff ff ff ff 43 3c 80 00 3f f0 00 00 00 00 00 00 81 01 ac 02 "
        + "05 c3 a9 e2 82 ac 03 01 02 03 02 00 01 00 02 04 81 a1 61 01", Hex.of(bytes));
    List<Object> values = read(new WireIn(bytes, 0, bytes.length, LIMITS));
    assertEquals(List.of(true, -2, 200, -540, 1201, -2, 4294967295L, 188.5f, 1.0, -65, 300, "é€"),
        values.subList(0, 12));
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) ((List<?>) values.get(12)).get(0));
    assertEquals(List.of(1, 2), values.get(13));
    assertEquals(Map.of("a", 1), values.get(14));
  }

  @Test
  void truncatedAtEveryLengthFailsAtTheStartOfTheFieldItCuts() {
    byte[] buf = new byte[256];
    int[] starts = write(buf);
    int total = starts[FIELDS.size()];
    for (int cut = 0; cut < total; cut++) {
      int field = 0;
      while (starts[field + 1] <= cut) {
        field++;
      }
      byte[] bytes = new byte[total];
      System.arraycopy(buf, 0, bytes, 0, total);
      WireIn in = new WireIn(bytes, 0, cut, LIMITS);
      DecodeException e = assertThrows(DecodeException.class, () -> read(in), "cut at " + cut);
      assertEquals(starts[field], e.offset(), "cut at " + cut + ": " + e.getMessage());
      assertEquals("R." + FIELDS.get(field), e.path(), "cut at " + cut + ": " + e.getMessage());
    }
  }

  @Test
  void trailingBytesAreReportedWhereTheyStart() {
    byte[] bytes = record();
    byte[] longer = new byte[bytes.length + 2];
    System.arraycopy(bytes, 0, longer, 0, bytes.length);
    DecodeException e = assertThrows(DecodeException.class, () -> read(new WireIn(longer, 0, longer.length, LIMITS)));
    assertEquals("R: 2 trailing byte(s) after the packet at byte " + bytes.length, e.getMessage());
    assertEquals(bytes.length, e.offset());
  }

  @Test
  void readsOnlyItsRangeAndCountsOffsetsFromItsStart() {
    byte[] buf = Hex.bytes("ee ee 01 02 03 ee ee");
    WireIn in = new WireIn(buf, 2, 3, LIMITS);
    assertEquals(0, in.offset());
    assertEquals(3, in.remaining());
    assertEquals(0x0102, in.getShort("a"));
    assertEquals(2, in.offset());
    DecodeException e = assertThrows(DecodeException.class, () -> in.getShort("P.b"));
    assertEquals("P.b: truncated input: needs 2 byte(s), 1 left at byte 2", e.getMessage());
    assertEquals(3, in.getByte("c"));
    in.expectEnd("P");
    assertThrows(IndexOutOfBoundsException.class, () -> new WireIn(buf, 5, 3, LIMITS));
    assertThrows(IndexOutOfBoundsException.class, () -> new WireIn(buf, -1, 2, LIMITS));
    assertThrows(IndexOutOfBoundsException.class, () -> new WireIn(buf, 0, -1, LIMITS));
  }

  @Test
  void littleEndianReadsForBundleFraming() {
    WireIn in = Wires.in("34 12 ff ff 78 56 34 12 ff ff ff ff");
    assertEquals(0x1234, in.getShortLE("f"));
    assertEquals(0xFFFF, in.getShortLE("f"));
    assertEquals(0x12345678, in.getIntLE("f"));
    assertEquals(-1, in.getIntLE("f"));
    assertEquals(0, in.remaining());
    assertThrows(DecodeException.class, () -> Wires.in("01").getShortLE("f"));
    assertThrows(DecodeException.class, () -> Wires.in("01 02 03").getIntLE("f"));
  }

  @Test
  void lengthPrefixesAreCheckedAgainstTheLimitThenTheBytesLeft() {
    assertEquals(2, Wires.in("02 61 62").getLength("P.s", 10, "string"));
    assertEquals("P.s: string of 11 bytes exceeds the limit of 10 at byte 0", assertThrows(DecodeException.class,
        () -> Wires.in("0b").getLength("P.s", 10, "string")).getMessage());
    assertEquals("P.s: string of 3 bytes, but only 2 left at byte 0", assertThrows(DecodeException.class,
        () -> Wires.in("03 61 62").getLength("P.s", 10, "string")).getMessage());
    WireIn in = Wires.in("00 00 00 ff ff ff ff 07");
    in.getByte("x");
    in.getShort("y");
    DecodeException e = assertThrows(DecodeException.class, () -> in.getLength("P.s", Integer.MAX_VALUE, "string"));
    assertEquals("P.s: string of 2147483647 bytes, but only 0 left at byte 3", e.getMessage());
    assertEquals(3, e.offset());
  }

  @Test
  void slicesKeepCountingFromThePacketStart() {
    WireIn in = Wires.in("aa bb 01 02 03 cc");
    in.getShort("head");
    WireIn slice = in.slice(3, 2, "P.inner");
    assertEquals(2, slice.bundleDepth());
    assertEquals(0, in.bundleDepth());
    assertEquals(5, in.offset(), "the slice's bytes are skipped in the parent");
    assertEquals(2, slice.offset());
    assertEquals(3, slice.remaining());
    assertEquals(1, slice.getByte("a"));
    DecodeException e = assertThrows(DecodeException.class, () -> slice.getInt("P.inner.x"));
    assertEquals(3, e.offset());
    assertEquals(0x0203, slice.getShort("b"));
    slice.expectEnd("P.inner");
    assertEquals((byte) 0xcc, in.getByte("tail"));
    DecodeException tooLong = assertThrows(DecodeException.class, () -> Wires.in("01 02").slice(3, 1, "P.inner"));
    assertEquals("P.inner: truncated input: needs 3 byte(s), 2 left at byte 0", tooLong.getMessage());
  }

  @Test
  void bytesAndStringsAreCopiedOut() {
    byte[] buf = Hex.bytes("03 01 02 03");
    WireIn in = new WireIn(buf, 0, buf.length, LIMITS);
    byte[] bytes = in.getBytes(in.getLength("b", 10, "buffer"), "b");
    buf[1] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, bytes);
    assertEquals("abc", Wires.in("61 62 63").getUtf8(3, "s"));
  }

  /**
   * Hostile: items that take no bytes (an empty record) are not bounded by the bytes left, so 3 bytes of count
   * decoded into 65,536 objects, and nested lists multiplied that into an OOM. All such items of one packet now
   * share the list limit, slices (Bundles) included.
   */
  @Test
  void itemsThatTakeNoBytesShareTheListLimitAcrossThePacket() {
    byte[] counts = Hex.bytes("80 80 04 01 00");
    WireIn in = new WireIn(counts, 0, counts.length, LIMITS);
    assertEquals(65_536, in.getCount("Outer.items", 0));
    DecodeException e = assertThrows(DecodeException.class, () -> in.getCount("Outer.items[0].empties", 0));
    assertEquals("Outer.items[0].empties", e.path());
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("more than 65536 such items in one packet"),
        e.getMessage());
    WireIn bundle = new WireIn(counts, 0, counts.length, LIMITS);
    assertEquals(65_536, bundle.slice(3, 1, "Bundle").getCount("A.empties", 0));
    assertThrows(DecodeException.class, () -> bundle.slice(1, 1, "Bundle").getCount("B.empties", 0));
  }
}
