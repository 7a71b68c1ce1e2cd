package dev.packets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.packets.handwritten.Action;
import dev.packets.handwritten.Chat;
import dev.packets.handwritten.Logout;
import dev.packets.handwritten.Meta;
import dev.packets.handwritten.Player;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever bytes arrive, decoding either returns a packet or throws a DecodeException, never anything else. */
class DecodeRobustnessTest {
  private static final PacketRegistry REGISTRY = TestRegistries.all();
  private static final long SEED = 0x5eed_2026L;

  /** Valid packets of every kind, the starting points for cuts and mutations. */
  private static List<Object> samples() {
    return List.of(
        TestRegistries.player(),
        new Chat(300, "é€\ud83d\ude00 hello"),
        new Action(Integer.MAX_VALUE),
        new Meta(255, Map.of("a", List.of(1, -33, 65536, 1.5, "x".repeat(40), Map.of("b", true)), "c", new byte[3])),
        new Redirect("/foo"),
        Bundle.of(new Redirect("/foo"), new Refresh()),
        Bundle.of(Bundle.of(new Action(1), new Logout()), new Chat(1, "hi"), Bundle.of(Bundle.of(new Refresh()))));
  }

  /** Decodes, turning anything but a packet or a DecodeException into a test failure that names the input. */
  private static void decode(int id, byte[] bytes) {
    try {
      Object packet = REGISTRY.decode(id, bytes);
      assertEquals(REGISTRY.type(id), packet.getClass());
    } catch (DecodeException e) {
      assertTrue(e.offset() >= 0 && e.offset() <= bytes.length, () -> e.getMessage() + " for " + Hex.of(bytes));
      assertTrue(e.getMessage().startsWith(e.path() + ": "), e.getMessage());
    } catch (Throwable t) {
      fail("packet id " + id + " from " + Hex.of(bytes) + " threw " + t, t);
    }
  }

  @Test
  void everySampleCutAtEveryLengthIsADecodeException() {
    for (Object sample : samples()) {
      int id = REGISTRY.id(sample.getClass());
      byte[] bytes = REGISTRY.encode(sample);
      assertEquals(Hex.of(bytes), Hex.of(REGISTRY.encode(REGISTRY.decode(id, bytes))));
      for (int cut = 0; cut < bytes.length; cut++) {
        byte[] prefix = Arrays.copyOf(bytes, cut);
        DecodeException e = assertThrows(DecodeException.class, () -> REGISTRY.decode(id, prefix),
            () -> sample + " cut to " + Hex.of(prefix));
        assertTrue(e.offset() <= cut, e.getMessage());
      }
      byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
      DecodeException trailing = assertThrows(DecodeException.class, () -> REGISTRY.decode(id, longer));
      assertEquals(bytes.length, trailing.offset(), trailing.getMessage());
    }
  }

  @Test
  void randomBytesAsEveryPacket() {
    Random random = new Random(SEED);
    for (int i = 0; i < 3000; i++) {
      byte[] bytes = new byte[random.nextInt(i % 10 == 0 ? 200 : 24)];
      random.nextBytes(bytes);
      for (int id = 0; id <= REGISTRY.size() + 1; id++) {
        decode(id, bytes);
      }
    }
  }

  @Test
  void mutatedSamplesAsEveryPacket() {
    Random random = new Random(SEED + 1);
    List<byte[]> encoded = new ArrayList<>();
    for (Object sample : samples()) {
      encoded.add(REGISTRY.encode(sample));
    }
    for (int i = 0; i < 3000; i++) {
      byte[] bytes = encoded.get(random.nextInt(encoded.size())).clone();
      int flips = 1 + random.nextInt(3);
      for (int f = 0; f < flips && bytes.length > 0; f++) {
        int at = random.nextInt(bytes.length);
        switch (random.nextInt(4)) {
          case 0 -> bytes[at] = (byte) random.nextInt(256);
          case 1 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
          case 2 -> bytes[at] = (byte) (random.nextBoolean() ? 0xff : 0x00);
          default -> bytes = Arrays.copyOf(bytes, at);
        }
      }
      for (int id = 1; id <= REGISTRY.size(); id++) {
        decode(id, bytes);
      }
    }
  }

  @Test
  void hostileLengthsAllocateNothingLarge() {
    int bundle = REGISTRY.id(Bundle.class);
    int chat = REGISTRY.id(Chat.class);
    int player = REGISTRY.id(Player.class);
    assertThrows(DecodeException.class, () -> REGISTRY.decode(bundle, Hex.bytes("ff ff 3f")));
    assertThrows(DecodeException.class, () -> REGISTRY.decode(chat, Hex.bytes("00 ff ff 03 61")));
    assertThrows(DecodeException.class, () -> REGISTRY.decode(player, Hex.bytes("00 00 00 00 00 ff ff 03")));
    byte[] manyBundles = new byte[1 << 16];
    Arrays.fill(manyBundles, (byte) 0x06);
    assertThrows(DecodeException.class, () -> REGISTRY.decode(bundle, manyBundles));
  }
}
