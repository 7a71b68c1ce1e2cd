package dev.packets.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.packets.DecodeException;
import dev.packets.EncodeException;
import dev.packets.HydrationException;
import dev.packets.Hex;
import dev.packets.PacketLimits;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** buffer: varuint length, then the bytes. */
class BufferWireTest {
  private static final PacketLimits LIMITS = PacketLimits.DEFAULT;

  private static String write(byte[] value) {
    int size = BufferWire.size(value, LIMITS, "P.b");
    return Wires.write(size, out -> BufferWire.write(out, value));
  }

  @Test
  void exactBytes() {
    assertEquals("00", write(new byte[0]));
    assertEquals("03 01 02 03", write(new byte[] {1, 2, 3}));
    assertEquals("02 00 ff", write(new byte[] {0, -1}));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 127, 128, 255, 16383, 16384, 70000})
  void roundTripsWithExactLength(int length) {
    byte[] value = new byte[length];
    for (int i = 0; i < length; i++) {
      value[i] = (byte) (i * 31 + 7);
    }
    String hex = write(value);
    assertEquals(VarUintWire.size(length) + length, Hex.bytes(hex).length);
    assertArrayEquals(value, Wires.read(hex, in -> BufferWire.read(in, "P.b")));
  }

  @Test
  void limitsAndNull() {
    PacketLimits two = LIMITS.withMaxBufferBytes(2);
    assertEquals(3, BufferWire.size(new byte[2], two, "P.b"));
    assertEquals("Meta.blob: buffer of 3 bytes exceeds the limit of 2",
        assertThrows(EncodeException.class, () -> BufferWire.size(new byte[3], two, "Meta.blob")).getMessage());
    assertEquals("Meta.blob: is null; a buffer is required",
        assertThrows(EncodeException.class, () -> BufferWire.size(null, LIMITS, "Meta.blob")).getMessage());
  }

  @Test
  void readChecksThePrefix() {
    assertEquals("P.b: buffer of 4 bytes, but only 3 left at byte 0",
        assertThrows(DecodeException.class, () -> BufferWire.read(Wires.in("04 01 02 03"), "P.b")).getMessage());
    assertEquals("P.b: buffer of 3 bytes exceeds the limit of 2 at byte 0", assertThrows(DecodeException.class,
        () -> BufferWire.read(Wires.in("03 01 02 03", LIMITS.withMaxBufferBytes(2)), "P.b")).getMessage());
    assertEquals("P.b: buffer of 2147483647 bytes exceeds the limit of 1048576 at byte 0",
        assertThrows(DecodeException.class, () -> BufferWire.read(Wires.in("ff ff ff ff 07"), "P.b")).getMessage());
  }

  @Test
  void hydratesBytesListsAndNodeBuffers() {
    byte[] bytes = {1, 2};
    assertSame(bytes, BufferWire.hydrate(bytes, "P.b", LIMITS));
    assertArrayEquals(new byte[] {0, (byte) 255, 7}, BufferWire.hydrate(List.of(0, 255, 7.0), "P.b", LIMITS));
    assertArrayEquals(new byte[] {1, 2},
        BufferWire.hydrate(Map.of("type", "Buffer", "data", List.of(1, 2)), "P.b", LIMITS));
  }

  @Test
  void hydrationErrors() {
    assertEquals("Meta.blob[1]: 256 is out of range for byte (0..255)", assertThrows(HydrationException.class,
        () -> BufferWire.hydrate(List.of(0, 256), "Meta.blob", LIMITS)).getMessage());
    assertEquals("Meta.blob[0]: -1 is out of range for byte (0..255)", assertThrows(HydrationException.class,
        () -> BufferWire.hydrate(List.of(-1), "Meta.blob", LIMITS)).getMessage());
    assertEquals("Meta.blob[0]: 1.5 is not an integer (byte)", assertThrows(HydrationException.class,
        () -> BufferWire.hydrate(List.of(1.5), "Meta.blob", LIMITS)).getMessage());
    assertEquals("Meta.blob[0]: \"a\" is not a number (byte)", assertThrows(HydrationException.class,
        () -> BufferWire.hydrate(List.of("a"), "Meta.blob", LIMITS)).getMessage());
    assertEquals("Meta.blob[1]: is missing; a byte is required", assertThrows(HydrationException.class,
        () -> BufferWire.hydrate(Arrays.asList(1, null), "Meta.blob", LIMITS)).getMessage());
    assertEquals("Meta.blob: \"AQI=\" is not a buffer (bytes or a list of 0..255)", assertThrows(
        HydrationException.class, () -> BufferWire.hydrate("AQI=", "Meta.blob", LIMITS)).getMessage());
    assertEquals("Meta.blob: an object of 1 field(s) is not a buffer (bytes or a list of 0..255)", assertThrows(
        HydrationException.class, () -> BufferWire.hydrate(Map.of("data", List.of()), "Meta.blob", LIMITS))
        .getMessage());
    assertEquals("Meta.blob: is missing; a buffer is required", assertThrows(HydrationException.class,
        () -> BufferWire.hydrate(null, "Meta.blob", LIMITS)).getMessage());
    PacketLimits two = LIMITS.withMaxBufferBytes(2);
    assertEquals("Meta.blob: buffer of 3 bytes exceeds the limit of 2", assertThrows(HydrationException.class,
        () -> BufferWire.hydrate(new byte[3], "Meta.blob", two)).getMessage());
    assertEquals("Meta.blob: buffer of 3 bytes exceeds the limit of 2", assertThrows(HydrationException.class,
        () -> BufferWire.hydrate(List.of(1, 2, 3), "Meta.blob", two)).getMessage());
  }
}
