package dev.packets.intercom.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.DecodeException;
import dev.packets.PacketRegistry;
import dev.packets.Redirect;
import dev.packets.intercom.Canon;
import dev.packets.intercom.Position;
import dev.packets.intercom.node.Frame.Kind;
import dev.packets.intercom.node.Frame.Presence;
import dev.packets.intercom.node.Frame.Reply;
import dev.packets.intercom.node.Frame.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated frames (seeded, so a failure repeats): reading inverts writing, and a frame with one byte changed
 * reads as some frame or fails with a DecodeException that says where.
 */
final class FramesRandomTest {
  private static final Frames FRAMES = new Frames(new Payloads(PacketRegistry.of(Position.class)));
  private final Random random = new Random(20261122);

  @Test
  void requestsAndRepliesRoundTrip() {
    for (int i = 0; i < 2000; i++) {
      String sender = id();
      long ask = random.nextLong() & Long.MAX_VALUE;
      String type = id();
      int timeout = 1 + random.nextInt(3_600_000);
      Object payload = payload();
      Request back = (Request) FRAMES.read(FRAMES.write(new Request(sender, ask, type, timeout, payload, null)));
      assertEquals(List.of(sender, ask, type, (long) timeout), List.of(back.sender(), back.ask(), back.type(),
          back.timeoutMillis()));
      assertEquals(null, back.problem());
      assertEquals(Canon.of(payload), Canon.of(back.payload()));

      Outcome outcome = switch (random.nextInt(3)) {
        case 0 -> new Outcome.Answer(payload);
        case 1 -> Outcome.NoHandler.INSTANCE;
        default -> new Outcome.Failed(String.valueOf(Canon.of(payload)));
      };
      Reply reply = (Reply) FRAMES.read(FRAMES.write(new Reply(sender, ask, outcome)));
      assertEquals(List.of(sender, ask), List.of(reply.sender(), reply.ask()));
      assertEquals(Canon.of(outcome instanceof Outcome.Answer a ? a.value() : outcome),
          Canon.of(reply.outcome() instanceof Outcome.Answer a ? a.value() : reply.outcome()));
    }
  }

  @Test
  void aChangedByteReadsAsAFrameOrFailsClearly() {
    for (int i = 0; i < 2000; i++) {
      Object payload = payload();
      for (byte[] frame : List.of(FRAMES.write(new Request("a", 9, "t", 100, payload, null)),
          FRAMES.write(new Reply("b", 9, new Outcome.Answer(payload))),
          FRAMES.write(new Presence("c", Kind.HELLO, 12345, "0123456789abcdef")))) {
        byte[] changed = frame.clone();
        changed[random.nextInt(changed.length)] = (byte) random.nextInt(256);
        try {
          Frame read = FRAMES.read(changed);
          assertTrue(!read.sender().isEmpty());
        } catch (DecodeException expected) {
          assertTrue(expected.getMessage().contains(" at byte "), expected.getMessage());
        }
      }
    }
  }

  private String id() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz-:é✓";
    StringBuilder id = new StringBuilder();
    for (int n = 1 + random.nextInt(30); n > 0; n--) {
      id.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return id.toString();
  }

  /** A packet, or a JSON-like value as msgpack gives it back (integers as Integer when they fit). */
  private Object payload() {
    if (random.nextInt(6) == 0) {
      return random.nextBoolean() ? new Position(random.nextInt(Integer.MAX_VALUE), random.nextFloat(), -1.5f)
          : new Redirect(id());
    }
    return value(3);
  }

  private Object value(int depth) {
    int kind = random.nextInt(depth == 0 ? 7 : 9);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return random.nextBoolean();
      case 2:
        return random.nextInt();
      case 3: {
        long l = random.nextLong();
        return l == (int) l ? (Object) (int) l : (Object) l;
      }
      case 4: {
        double d = random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10);
        return d == Math.rint(d) ? 0.5 : d;
      }
      case 5:
        return id();
      case 6: {
        byte[] bytes = new byte[random.nextInt(40)];
        random.nextBytes(bytes);
        return bytes;
      }
      case 7: {
        List<Object> list = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
          list.add(value(depth - 1));
        }
        return list;
      }
      default: {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int n = random.nextInt(4); n > 0; n--) {
          map.put(id(), value(depth - 1));
        }
        return map;
      }
    }
  }
}
