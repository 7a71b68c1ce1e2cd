package dev.packets.intercom.node;

import dev.packets.DecodeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticates frames between the nodes of one cluster: a sealed frame is the frame, the time it was sealed and an
 * HMAC-SHA256 (its first 16 bytes) over both, keyed with the cluster's shared secret.
 *
 * <pre>
 * | frame bytes | time-ms u64 big-endian | mac 16 bytes = HMAC-SHA256(secret, frame bytes | time)[0..16] |
 * </pre>
 *
 * A frame whose mac does not check, or that was sealed more than {@link #WINDOW_MILLIS} from now (a replay, or a
 * clock far off), is refused. {@link #NONE} passes frames as they are, for a cluster that chose to run without.
 */
public final class FrameSeal {
  /** How far a frame's time may be from the reader's clock. */
  public static final long WINDOW_MILLIS = 30_000;
  private static final int TIME = 8;
  private static final int MAC = 16;

  /** No authentication: anyone who can publish where the nodes listen can forge frames. */
  public static final FrameSeal NONE = new FrameSeal(null);

  private final SecretKeySpec key;
  /** One initialised Mac per thread: looking the algorithm up and keying it cost more than the HMAC itself. */
  private final ThreadLocal<Mac> macs;

  private FrameSeal(SecretKeySpec key) {
    this.key = key;
    this.macs = key == null ? null : ThreadLocal.withInitial(() -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is not available", e);
      }
    });
  }

  /** A seal keyed with {@code secret}, which every node of the cluster shares; at least 16 bytes of UTF-8. */
  public static FrameSeal of(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < 16) {
      throw new IllegalArgumentException("a cluster secret has at least 16 bytes, this one " + bytes.length);
    }
    return new FrameSeal(new SecretKeySpec(bytes, "HmacSHA256"));
  }

  public boolean authenticates() {
    return key != null;
  }

  /** The frame, sealed now. */
  public byte[] seal(byte[] frame) {
    if (key == null) {
      return frame;
    }
    byte[] out = Arrays.copyOf(frame, frame.length + TIME + MAC);
    ByteBuffer.wrap(out, frame.length, TIME).putLong(System.currentTimeMillis());
    System.arraycopy(mac(out, frame.length + TIME), 0, out, frame.length + TIME, MAC);
    return out;
  }

  /** The frame inside a sealed one; a {@link DecodeException} when it is not sealed with this cluster's secret now. */
  public byte[] open(byte[] sealed) {
    if (key == null) {
      return sealed;
    }
    int body = sealed.length - TIME - MAC;
    if (body < 1) {
      throw new DecodeException("intercom frame.mac", 0, "a frame of " + sealed.length + " bytes carries no seal");
    }
    byte[] expected = mac(sealed, body + TIME);
    int differ = 0;
    for (int i = 0; i < MAC; i++) { // constant time, in place
      differ |= expected[i] ^ sealed[body + TIME + i];
    }
    if (differ != 0) {
      throw new DecodeException("intercom frame.mac", body + TIME, "the seal does not check: not this cluster's");
    }
    long time = ByteBuffer.wrap(sealed, body, TIME).getLong();
    long skew = Math.abs(System.currentTimeMillis() - time);
    if (skew > WINDOW_MILLIS) {
      throw new DecodeException("intercom frame.time", body, "sealed " + skew + " ms from now, over "
          + WINDOW_MILLIS);
    }
    return Arrays.copyOf(sealed, body);
  }

  private byte[] mac(byte[] bytes, int length) {
    Mac mac = macs.get();
    mac.update(bytes, 0, length);
    return mac.doFinal();
  }
}
