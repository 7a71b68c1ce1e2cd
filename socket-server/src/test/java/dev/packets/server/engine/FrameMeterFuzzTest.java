package dev.packets.server.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * What the server reads before the Socket.IO library, against any sequence of frames: the meter and the attachment
 * count never throw, a broken rule stays broken (the connection is closed on the first), and no frame announces
 * attachments past the cap without being refused. {@code mvn verify} replays the committed inputs; {@code
 * JAZZER_FUZZ=1} fuzzes (docs/fuzzing.md).
 */
class FrameMeterFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void frames(FuzzedDataProvider data) {
    FrameMeter meter = new FrameMeter(1_000, 1_000, 1, data.consumeBoolean());
    int frames = data.consumeInt(1, 32);
    for (int i = 0; i < frames && data.remainingBytes() > 0; i++) {
      String broken;
      if (data.consumeInt(0, 7) == 0) {
        broken = meter.binary(data.consumeInt(0, 1 << 20));
      } else if (data.consumeInt(0, 15) == 0) {
        meter.pingSent();
        continue;
      } else {
        String frame = data.consumeString(256);
        int attachments = JettyEngineSocket.attachments(frame);
        assertTrue(attachments >= 0, frame);
        broken = meter.text(frame);
        if (attachments > 1) {
          assertTrue(broken != null, "a frame announcing " + attachments + " attachments got through: " + frame);
        }
      }
      if (broken != null) {
        return; // the connection closes here
      }
    }
  }
}
