package dev.packets.intercom.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.DecodeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Frames sealed with the cluster's secret open; tampered, foreign, stale and unsealed ones do not. */
class FrameSealTest {
  private static final String SECRET = "sixteen bytes at least";
  private static final FrameSeal SEAL = FrameSeal.of(SECRET);
  private static final byte[] FRAME = {1, 4, 1, 0x61, 7, 2, 0x66, 0x70};

  @Test
  void aSealedFrameOpensToItself() {
    byte[] sealed = SEAL.seal(FRAME);
    assertTrue(sealed.length == FRAME.length + 24, "8 bytes of time and 16 of mac");
    assertArrayEquals(FRAME, SEAL.open(sealed));
  }

  /** The layout as documented, built here with the JDK's HMAC rather than by the seal itself. */
  @Test
  void theSealIsHmacSha256OfTheFrameAndItsTime() throws Exception {
    long now = System.currentTimeMillis();
    byte[] sealed = handmade(FRAME, now, SECRET);
    assertArrayEquals(FRAME, SEAL.open(sealed));
  }

  @Test
  void everyOtherFrameIsRefused() throws Exception {
    byte[] sealed = SEAL.seal(FRAME);
    for (int i = 0; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 1;
      assertThrows(DecodeException.class, () -> SEAL.open(tampered), "a bit flipped at byte " + i);
    }
    assertThrows(DecodeException.class, () -> SEAL.open(FRAME), "unsealed");
    assertThrows(DecodeException.class, () -> SEAL.open(FrameSeal.of("another cluster secret").seal(FRAME)));
    assertThrows(DecodeException.class, () -> SEAL.open(Arrays.copyOf(sealed, 20)), "cut short");
    long old = System.currentTimeMillis() - FrameSeal.WINDOW_MILLIS - 1_000;
    DecodeException stale = assertThrows(DecodeException.class, () -> SEAL.open(handmade(FRAME, old, SECRET)));
    assertTrue(stale.getMessage().contains("ms from now"), stale.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FrameSeal.of("too short"));
  }

  @Test
  void withoutASecretFramesPassAsTheyAre() {
    assertSame(FRAME, FrameSeal.NONE.seal(FRAME));
    assertSame(FRAME, FrameSeal.NONE.open(FRAME));
  }

  private static byte[] handmade(byte[] frame, long time, String secret) throws Exception {
    byte[] body = Arrays.copyOf(frame, frame.length + 8);
    ByteBuffer.wrap(body, frame.length, 8).putLong(time);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] full = mac.doFinal(body);
    byte[] out = Arrays.copyOf(body, body.length + 16);
    System.arraycopy(full, 0, out, body.length, 16);
    return out;
  }
}
