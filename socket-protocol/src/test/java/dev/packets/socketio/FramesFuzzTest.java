package dev.packets.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * The hand-written Socket.IO readers against any text: {@link Frames#parseSend} and {@link Frames#ackId} never throw,
 * and what they accept is exactly what the writers write. {@code mvn verify} replays the committed inputs; {@code
 * JAZZER_FUZZ=1} fuzzes (docs/fuzzing.md).
 */
class FramesFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void readers(byte[] input) {
    String frame = new String(input, StandardCharsets.UTF_8);
    long send = Frames.parseSend(frame);
    if (send != Frames.NO) {
      int packet = Frames.packetId(send);
      int ack = Frames.ackWanted(send);
      assertTrue(packet >= 0 && packet <= 99_999, frame);
      String again = ack < 0 ? Frames.push(packet) : Frames.send(ack, packet);
      // the writers quote the event; a reader also takes it bare
      assertEquals(again, frame.replaceFirst("\\[(\\d+),", "[\"$1\","), "what is read is what is written");
    }
    long ack = Frames.ackId(frame);
    if (ack != Frames.NO) {
      int at = Frames.arguments(ack);
      assertTrue(at > 2 && at < frame.length() && frame.charAt(at) == '[', frame);
      assertTrue(Frames.id(ack) >= 0, frame);
      assertEquals(Frames.binary(ack), frame.startsWith("461-"), frame);
    }
  }
}
