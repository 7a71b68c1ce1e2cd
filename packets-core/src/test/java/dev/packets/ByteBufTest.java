package dev.packets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.packets.handwritten.Action;
import dev.packets.handwritten.Chat;
import dev.packets.handwritten.Meta;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Encoding into and decoding from Netty buffers of every kind: exact bytes, indices, nothing half-written. */
class ByteBufTest {
  private static final PacketRegistry REGISTRY = TestRegistries.all();
  private static final String BUNDLE_HEX = "11 05 00 00 00 07 00 04 2f 66 6f 6f 00 00 00 00 08 00";

  static Stream<Arguments> buffers() {
    return Stream.of(
        Arguments.of("heap", (Supplier<ByteBuf>) () -> Unpooled.buffer(4)),
        Arguments.of("direct", (Supplier<ByteBuf>) () -> Unpooled.directBuffer(4)),
        Arguments.of("pooled heap", (Supplier<ByteBuf>) () -> PooledByteBufAllocator.DEFAULT.heapBuffer(4)),
        Arguments.of("pooled direct", (Supplier<ByteBuf>) () -> PooledByteBufAllocator.DEFAULT.directBuffer(4)),
        Arguments.of("heap slice at an array offset",
            (Supplier<ByteBuf>) () -> Unpooled.wrappedBuffer(new byte[1 << 18], 7, (1 << 18) - 7).clear()),
        Arguments.of("composite", (Supplier<ByteBuf>) ByteBufTest::composite));
  }

  private static ByteBuf composite() {
    CompositeByteBuf buf = Unpooled.compositeBuffer();
    buf.addComponent(true, Unpooled.buffer(8).writeZero(3));
    buf.addComponent(true, Unpooled.directBuffer(8).writeZero(2));
    return buf.clear();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("buffers")
  void encodesExactlyThePacketAfterWhatIsThere(String kind, Supplier<ByteBuf> make) {
    ByteBuf buf = make.get();
    try {
      buf.writeByte(0xAB);
      buf.readByte();
      buf.writeByte(0xCD);
      REGISTRY.encode(Bundle.of(new Redirect("/foo"), new Refresh()), buf);
      assertEquals(1, buf.readerIndex());
      assertEquals(2 + 18, buf.writerIndex());
      assertEquals("cd " + BUNDLE_HEX, ByteBufUtil.hexDump(buf).replaceAll("(..)(?!$)", "$1 "));
      REGISTRY.encode(new Chat(300, "é"), buf);
      assertEquals(2 + 18 + 5, buf.writerIndex());
      assertEquals("ac 02 02 c3 a9", Hex.of(ByteBufUtil.getBytes(buf, 20, 5)));
    } finally {
      buf.release();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("buffers")
  void failedEncodeLeavesTheBufferAsItWas(String kind, Supplier<ByteBuf> make) {
    ByteBuf buf = make.get();
    try {
      buf.writeBytes(Hex.bytes("01 02 03"));
      buf.readByte();
      int capacity = buf.capacity();
      for (Object bad : new Object[] {
          new Action(-1),
          Bundle.of(new Redirect("/x"), new Action(-1)),
          Bundle.of(new Redirect("/x"), TestRegistries.nested(9)),
          new Chat(1, null),
          new Meta(1, new Object()),
          "not a packet",
      }) {
        assertThrows(EncodeException.class, () -> REGISTRY.encode(bad, buf), String.valueOf(bad));
        assertEquals(1, buf.readerIndex());
        assertEquals(3, buf.writerIndex());
        assertEquals(capacity, buf.capacity(), "nothing was reserved either");
        assertEquals("02 03", Hex.of(ByteBufUtil.getBytes(buf)));
      }
    } finally {
      buf.release();
    }
  }

  @org.junit.jupiter.api.Test
  void aBufferAtItsMaxCapacityRefusesWithAnEncodeException() {
    ByteBuf full = Unpooled.buffer(4, 4);
    try {
      full.writeBytes(Hex.bytes("01 02 03"));
      EncodeException e = assertThrows(EncodeException.class,
          () -> REGISTRY.encode(new Chat(1, "hello"), full));
      assertEquals("Chat: packet of 7 bytes does not fit the buffer: 1 writable bytes at most (max capacity 4)",
          e.getMessage());
      assertEquals("01 02 03", Hex.of(ByteBufUtil.getBytes(full)));
    } finally {
      full.release();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("buffers")
  void largePacketsGoThroughEveryKindOfBuffer(String kind, Supplier<ByteBuf> make) {
    ByteBuf buf = make.get();
    try {
      byte[] blob = new byte[100_000];
      for (int i = 0; i < blob.length; i++) {
        blob[i] = (byte) (i * 7);
      }
      Meta big = new Meta(9, blob);
      byte[] expected = REGISTRY.encode(big);
      REGISTRY.encode(big, buf);
      REGISTRY.encode(new Chat(1, "x".repeat(1000)), buf);
      assertEquals(expected.length + 1003, buf.readableBytes());
      assertArrayEquals(expected, ByteBufUtil.getBytes(buf, 0, expected.length));
      ByteBuf first = buf.readSlice(expected.length);
      Meta back = (Meta) REGISTRY.decode(REGISTRY.id(Meta.class), first);
      assertArrayEquals(blob, (byte[]) back.meta());
      assertEquals(new Chat(1, "x".repeat(1000)), REGISTRY.decode(REGISTRY.id(Chat.class), buf));
      assertEquals(0, buf.readableBytes());
    } finally {
      buf.release();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("buffers")
  void decodeConsumesTheReadableBytesOnlyOnSuccess(String kind, Supplier<ByteBuf> make) {
    ByteBuf buf = make.get();
    try {
      buf.writeBytes(Hex.bytes("ee " + BUNDLE_HEX));
      buf.readByte();
      int bundle = REGISTRY.id(Bundle.class);
      ByteBuf cut = buf.retainedSlice(1, 17);
      try {
        DecodeException e = assertThrows(DecodeException.class, () -> REGISTRY.decode(bundle, cut));
        assertEquals("Bundle.packets: Bundle of 17 bytes, but only 16 left at byte 0", e.getMessage());
        assertEquals(0, cut.readerIndex(), "nothing consumed on failure");
      } finally {
        cut.release();
      }
      assertEquals(Bundle.of(new Redirect("/foo"), new Refresh()), REGISTRY.decode(bundle, buf));
      assertEquals(19, buf.readerIndex());
      assertEquals(19, buf.writerIndex());
      assertThrows(DecodeException.class, () -> REGISTRY.decode(0, buf));
    } finally {
      buf.release();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("buffers")
  void decodeErrorOffsetsCountFromTheReaderIndex(String kind, Supplier<ByteBuf> make) {
    ByteBuf buf = make.get();
    try {
      buf.writeBytes(Hex.bytes("ff ff ff ac 02 05 c3 a9"));
      buf.skipBytes(3);
      DecodeException e = assertThrows(DecodeException.class, () -> REGISTRY.decode(REGISTRY.id(Chat.class), buf));
      assertEquals("Chat.text: string of 5 bytes, but only 2 left at byte 2", e.getMessage());
      assertEquals(3, buf.readerIndex());
      assertEquals(5, buf.readableBytes());
    } finally {
      buf.release();
    }
  }
}
