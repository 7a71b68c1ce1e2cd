package dev.packets.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.packets.Hex;
import dev.packets.PacketLimits;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Function;

/** Writes and reads single wire values the way codecs do, checking exact sizes and that nothing strays. */
final class Wires {
  private static final byte GUARD = 0x55;
  private static final int MARGIN = 3;

  private Wires() {}

  /**
   * Writes into an array with guard bytes on both sides; checks that exactly {@code size} bytes were written and no
   * guard byte was touched, and returns them as hex.
   */
  static String write(int size, Consumer<WireOut> write) {
    byte[] buf = new byte[size + 2 * MARGIN];
    Arrays.fill(buf, GUARD);
    WireOut out = new WireOut(buf, MARGIN);
    write.accept(out);
    assertEquals(MARGIN + size, out.position(), "bytes written");
    for (int i = 0; i < MARGIN; i++) {
      assertEquals(GUARD, buf[i], "guard byte before the value");
      assertEquals(GUARD, buf[MARGIN + size + i], "guard byte after the value");
    }
    return Hex.of(buf, MARGIN, size);
  }

  /** A reader of {@code hex}, placed at an offset inside a larger array to catch reads outside its range. */
  static WireIn in(String hex) {
    return in(hex, PacketLimits.DEFAULT);
  }

  static WireIn in(String hex, PacketLimits limits) {
    byte[] bytes = Hex.bytes(hex);
    byte[] buf = new byte[bytes.length + 2 * MARGIN];
    Arrays.fill(buf, GUARD);
    System.arraycopy(bytes, 0, buf, MARGIN, bytes.length);
    return new WireIn(buf, MARGIN, bytes.length, limits);
  }

  /** Reads {@code hex} with {@code read}, checking that every byte was consumed. */
  static <T> T read(String hex, Function<WireIn, T> read) {
    WireIn in = in(hex);
    T value = read.apply(in);
    assertEquals(0, in.remaining(), "bytes left after the value");
    in.expectEnd("test");
    return value;
  }
}
