package dev.packets.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.DecodeException;
import dev.packets.HydrationException;
import dev.packets.PacketRegistry;
import dev.packets.fixtures.Stamped;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code int64}, an extension type: eight bytes big-endian, bytes written by hand from docs/wire-format.md. */
class Int64Test {
  private static final PacketRegistry STAMPED = PacketRegistry.of(Stamped.class);
  private static final Stamped EDGES = new Stamped(-2L, List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L));
  // the fields in schemapack's order, sorted by name: history, then id
  private static final byte[] EDGES_BYTES = HexFormat.of().parseHex("03" // three items
      + "8000000000000000" + "7fffffffffffffff" + "0000000000000000"
      + "fffffffffffffffe"); // -2

  @Test
  void theBytesAreBigEndianTwosComplementAtEveryEdge() {
    assertArrayEquals(EDGES_BYTES, STAMPED.encode(EDGES));
    assertEquals(EDGES, STAMPED.decode(STAMPED.id(Stamped.class), EDGES_BYTES));
  }

  @Test
  void aTruncatedPayloadIsADecodeExceptionAtEveryLength() {
    int id = STAMPED.id(Stamped.class);
    for (int length = 0; length < EDGES_BYTES.length; length++) {
      byte[] cut = Arrays.copyOf(EDGES_BYTES, length);
      assertThrows(DecodeException.class, () -> STAMPED.decode(id, cut), "cut at " + length);
    }
  }

  @Test
  void theSchemaNamesItAndHydrationChecksItsRange() {
    Map<?, ?> entry = (Map<?, ?>) ((List<?>) STAMPED.table().get("packets")).stream()
        .filter(e -> "Stamped".equals(((Map<?, ?>) e).get("name"))).findFirst().orElseThrow();
    assertEquals(Map.of("id", "int64", "history", List.of("int64")), entry.get("schema"));
    assertEquals(List.of("int64"), entry.get("extensions"), "the table says plain schemapack cannot read it");
    assertEquals(EDGES, STAMPED.hydrate(List.of("Stamped", Map.of("id", -2,
        "history", List.of(Long.MIN_VALUE, new BigInteger("9223372036854775807"), 0)))));
    HydrationException over = assertThrows(HydrationException.class, () -> STAMPED.hydrate(List.of("Stamped",
        Map.of("id", new BigInteger("9223372036854775808"), "history", List.of()))));
    assertTrue(over.getMessage().contains("out of range for int64"), over.getMessage());
  }
}
