package dev.packets;

/**
 * A value that cannot be encoded: out of its wire type's range, null where a value is required, or over a
 * limit. Thrown before any byte is written, so the caller's output is left as it was.
 *
 * <p>Example message: {@code Player.attributes.str: 300 is out of range for uint8 (0..255)}.
 */
public final class EncodeException extends PacketException {
  private static final long serialVersionUID = 1L;

  public EncodeException(String path, String message) {
    super(path, message);
  }
}
