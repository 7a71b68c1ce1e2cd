package dev.packets.server.engine;

import java.nio.ByteBuffer;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/** How a {@link FrameWriter}'s frames go onto a Jetty core websocket session, for both ways' connections. */
final class CoreWrites {
  private CoreWrites() {}

  /**
   * A text frame, a binary frame, or a text header batched with its attachment (one write, not a write — a system
   * call — each); {@code written} runs once the last frame left or failed. The arrays are wrapped, not copied: a
   * fan-out's recipients share them. The caller serializes its writes.
   */
  static void write(CoreSession session, byte[] text, byte[] binary, Runnable written) {
    if (text != null) {
      session.sendFrame(new Frame(OpCode.TEXT, ByteBuffer.wrap(text)), binary == null ? callback(written)
          : Callback.NOOP, binary != null);
    }
    if (binary != null) {
      session.sendFrame(new Frame(OpCode.BINARY, ByteBuffer.wrap(binary)), callback(written), false);
    }
  }

  private static Callback callback(Runnable written) {
    return Callback.from(written, e -> written.run());
  }
}
