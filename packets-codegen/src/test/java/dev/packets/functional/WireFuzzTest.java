package dev.packets.functional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.packets.DecodeException;
import dev.packets.HydrationException;
import dev.packets.PacketLimits;
import dev.packets.PacketRegistry;
import dev.packets.fixtures.Meta;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzz targets for everything that reads untrusted packets: binary decode of every wire type (the
 * fixtures hold each one, lists, nested records, {@code @Packed} msgpack), Bundles (the built-in id 1, nested), and
 * hydration of dehydrated JSON-like values. The oracle: only {@link DecodeException} / {@link HydrationException}
 * may escape, and no input allocates more than a bound set by its size and the limits.
 *
 * <p>{@code mvn verify} replays the committed inputs under {@code src/test/resources/dev/packets/functional/
 * WireFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes for real (docs/fuzzing.md).
 */
class WireFuzzTest {
  /** Small limits, so the fuzzer reaches every one of them in a few bytes. */
  private static final PacketRegistry SMALL = Fixtures.ALL.withLimits(PacketLimits.DEFAULT
      .withMaxListLength(1_000).withMaxStringBytes(4_096).withMaxBufferBytes(4_096).withMaxBundlePackets(64));
  /** A decode may allocate its objects (a few dozen bytes per input byte) and a list's items up to the limit. */
  private static final long FIXED = 8L << 20;

  /** The first byte picks the packet id (Bundle included), the rest is its payload. */
  @FuzzTest(maxDuration = "2m")
  void decode(byte[] input) {
    if (input.length == 0) {
      return;
    }
    int id = 1 + Byte.toUnsignedInt(input[0]) % SMALL.size();
    AllocationMeter.atMost(FIXED + 128L * input.length, "decoding id " + id, () -> {
      try {
        SMALL.decode(id, input, 1, input.length - 1);
      } catch (DecodeException expected) {
        // a clear refusal is the right answer to bad bytes
      }
    });
  }

  /** Every input is the msgpack inside Meta's {@code @Packed} field ({@code uint8 id, buffer meta}). */
  @FuzzTest(maxDuration = "2m")
  void packed(byte[] input) {
    java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
    frame.write(7); // Meta.id
    for (int n = input.length; ; n >>>= 7) { // the buffer's varuint length
      if (n < 0x80) {
        frame.write(n);
        break;
      }
      frame.write(n & 0x7f | 0x80);
    }
    frame.writeBytes(input);
    byte[] payload = frame.toByteArray();
    AllocationMeter.atMost(FIXED + 128L * input.length, "a packed value", () -> {
      try {
        SMALL.decode(Meta.class, payload);
      } catch (DecodeException expected) {
        // refused
      }
    });
  }

  /** A dehydrated packet, {@code ["Name", value]}, with a JSON-like value built from the input. */
  @FuzzTest(maxDuration = "2m")
  void hydrate(FuzzedDataProvider data) {
    List<String> names = new ArrayList<>(SMALL.table().keySet());
    String name = data.consumeBoolean() ? data.pickValue(names) : data.consumeString(16);
    Object value = json(data, 0);
    AllocationMeter.atMost(FIXED + 4096L * data.remainingBytes() + 1_000_000, "hydrating " + name, () -> {
      try {
        Object packet = SMALL.hydrate(List.of(name, value == null ? Map.of() : value));
        SMALL.encode(packet); // what hydrates must encode
      } catch (HydrationException expected) {
        // refused with a reason
      }
    });
  }

  /** A JSON-like value: what org.json hands the server (numbers as Integer, Long, Double, BigDecimal, BigInteger). */
  private static Object json(FuzzedDataProvider data, int depth) {
    int kind = data.consumeInt(0, depth > 6 ? 8 : 10);
    return switch (kind) {
      case 0 -> null;
      case 1 -> data.consumeBoolean();
      case 2 -> data.consumeInt();
      case 3 -> data.consumeLong();
      case 4 -> data.consumeRegularDouble();
      case 5 -> new BigDecimal(BigInteger.valueOf(data.consumeLong()), data.consumeInt());
      case 6 -> {
        byte[] magnitude = data.consumeBytes(data.consumeInt(1, 64));
        yield new BigInteger(magnitude.length == 0 ? new byte[] {1} : magnitude);
      }
      case 7, 8 -> data.consumeString(64);
      case 9 -> {
        List<Object> list = new ArrayList<>();
        int n = data.consumeInt(0, 8);
        for (int i = 0; i < n && data.remainingBytes() > 0; i++) {
          list.add(json(data, depth + 1));
        }
        yield list;
      }
      default -> {
        Map<String, Object> map = new LinkedHashMap<>();
        int n = data.consumeInt(0, 8);
        for (int i = 0; i < n && data.remainingBytes() > 0; i++) {
          map.put(data.consumeString(12), json(data, depth + 1));
        }
        yield map;
      }
    };
  }
}
