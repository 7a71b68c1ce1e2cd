package dev.packets.socketio;

/**
 * The one error answer of packets, {@code {code, reason}}, on either side: what an acceptor throws to refuse a
 * packet (the sender's ack carries it), what a connect or authentication hook throws to refuse a connection (the
 * client is told the reason), and what a client's send fails with for an error answer, a timeout (408) or a lost
 * connection (503). Codes follow HTTP's meanings.
 */
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
