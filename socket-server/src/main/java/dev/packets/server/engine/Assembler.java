package dev.packets.server.engine;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;

/**
 * One websocket connection's messages made whole: a message in one frame is handed on as it is, a fragmented one is
 * assembled (its buffer growing by doubling, never past the limit) and handed on at its last fragment. A
 * connection's frames come one at a time, so an assembler is used by one thread at a time.
 */
final class Assembler {
  private static final byte NONE = -1;

  /** Where a whole message goes: its opcode ({@link OpCode#TEXT} or {@link OpCode#BINARY}) and its bytes. */
  interface Whole {
    void message(byte opcode, ByteBuffer payload);
  }

  private final int maxMessageBytes;
  /** The opcode of the fragmented message being assembled, or {@link #NONE}. */
  private byte assembling = NONE;
  private byte[] parts;
  private int length;

  Assembler(int maxMessageBytes) {
    this.maxMessageBytes = maxMessageBytes;
  }

  /**
   * Takes a text, binary or continuation frame (any other is ignored).
   *
   * @throws MessageTooLargeException when a fragmented message grows past the limit
   */
  void frame(Frame frame, Whole whole) {
    switch (frame.getOpCode()) {
      case OpCode.TEXT, OpCode.BINARY -> {
        if (frame.isFin()) {
          whole.message(frame.getOpCode(), frame.getPayload());
        } else {
          assembling = frame.getOpCode();
          length = 0;
          append(frame.getPayload());
        }
      }
      case OpCode.CONTINUATION -> {
        append(frame.getPayload());
        if (frame.isFin()) {
          byte opcode = assembling;
          assembling = NONE;
          ByteBuffer message = ByteBuffer.wrap(parts, 0, length);
          parts = null;
          whole.message(opcode, message);
        }
      }
      default -> { }
    }
  }

  private void append(ByteBuffer payload) {
    int more = payload == null ? 0 : payload.remaining();
    if ((long) length + more > maxMessageBytes) {
      throw new MessageTooLargeException("message of more than " + maxMessageBytes + " bytes");
    }
    if (parts == null || parts.length < length + more) {
      parts = Arrays.copyOf(parts == null ? new byte[0] : parts, Math.min(maxMessageBytes,
          Math.max(length + more, parts == null ? 256 : parts.length * 2)));
    }
    if (more > 0) {
      payload.get(payload.position(), parts, length, more);
      length += more;
    }
  }
}
