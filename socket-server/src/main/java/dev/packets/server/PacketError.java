package dev.packets.server;

/** An error answer, {@code {code, reason}}: what a refused packet's sender gets, or a timed-out ack. */
public final class PacketError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;

  public PacketError(int code, String reason) {
    super(reason, null, false, false);
    this.code = code;
  }

  public int code() {
    return code;
  }

  public String reason() {
    return getMessage();
  }

  @Override
  public String toString() {
    return "PacketError{code=" + code + ", reason=" + getMessage() + "}";
  }
}
