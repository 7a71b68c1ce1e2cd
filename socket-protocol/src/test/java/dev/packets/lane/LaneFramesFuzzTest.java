package dev.packets.lane;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The lane's frame reader against any bytes: it refuses with {@link LaneFrames.Malformed} and nothing else, and what
 * it accepts is exactly what the writers write. {@code mvn verify} replays the committed inputs; {@code
 * JAZZER_FUZZ=1} fuzzes (docs/fuzzing.md).
 */
class LaneFramesFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void reader(byte[] input) {
    ByteBuffer frame = ByteBuffer.wrap(input);
    LaneFrames.Head head = new LaneFrames.Head();
    try {
      LaneFrames.read(frame, head);
    } catch (LaneFrames.Malformed refused) {
      return;
    }
    byte[] body = Arrays.copyOfRange(input, frame.position(), input.length);
    byte[] again = switch (head.kind) {
      case LaneFrames.PUSH -> LaneFrames.push(head.packetId, body);
      case LaneFrames.SEND -> LaneFrames.send(head.ack, head.packetId, body);
      case LaneFrames.REPLY -> LaneFrames.reply(head.ack, head.packetId, body);
      case LaneFrames.PUSH_AT -> LaneFrames.pushAt(head.offset, head.packetId, body);
      default -> null;
    };
    if (again != null) {
      assertArrayEquals(input, again, "what is read is what is written");
    } else {
      assertTrue(head.kind == LaneFrames.VALUE || head.kind == LaneFrames.ERROR, "kind " + head.kind);
      assertTrue(head.ack >= 1, "an answer's ack id");
    }
  }
}
