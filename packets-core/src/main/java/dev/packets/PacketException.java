package dev.packets;

/** The root of every error that names a packet and a field: encoding, decoding and hydrating. */
public abstract class PacketException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;

  PacketException(String path, String message) {
    super(path + ": " + message);
    this.path = path;
  }

  /** The field path, packet name first: {@code Player.attributes.str}, or just {@code Player}. */
  public final String path() {
    return path;
  }

  /** The packet name, the first segment of {@link #path()}. */
  public final String packet() {
    int end = 0;
    while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
      end++;
    }
    return path.substring(0, end);
  }
}
