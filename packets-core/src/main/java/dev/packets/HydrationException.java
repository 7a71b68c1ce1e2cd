package dev.packets;

/**
 * Dehydrated data ({@code ["Name", data]}) that does not fit the packet: a missing or unknown field, a value of
 * the wrong kind, out of range or over a limit.
 *
 * <p>Example message: {@code Player.health: "lots" is not a number (varuint)}.
 */
public final class HydrationException extends PacketException {
  private static final long serialVersionUID = 1L;

  public HydrationException(String path, String message) {
    super(path, message);
  }
}
