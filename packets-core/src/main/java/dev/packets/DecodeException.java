package dev.packets;

/**
 * Bytes that cannot be decoded: truncated input, a length prefix longer than what remains, a varuint longer than
 * five bytes, trailing bytes, an unknown packet id, a limit exceeded.
 *
 * <p>Example message: {@code Player.position: list of 40000 items needs at least 80000 bytes, but only 3 left at byte 6}.
 */
public final class DecodeException extends PacketException {
  private static final long serialVersionUID = 1L;

  private final int offset;

  public DecodeException(String path, int offset, String message) {
    super(path, message + " at byte " + offset);
    this.offset = offset;
  }

  /** The offset, from the packet's first byte, at which decoding failed. */
  public int offset() {
    return offset;
  }
}
