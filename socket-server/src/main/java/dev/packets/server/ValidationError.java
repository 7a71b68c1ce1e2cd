package dev.packets.server;

/**
 * Thrown by {@link Acceptor#validate} to refuse a packet; the sender's ack carries {@code [{code, reason}]}.
 */
public final class ValidationError extends Exception {
  private static final long serialVersionUID = 1L;

  private final int code;

  public ValidationError(int code, String reason) {
    super(reason, null, false, false);
    this.code = code;
  }

  public int code() {
    return code;
  }

  public String reason() {
    return getMessage();
  }
}
