package dev.packets.server;

/** Thrown by a connect or authentication hook to refuse a connection; the client is told the reason. */
public final class Refusal extends Exception {
  private static final long serialVersionUID = 1L;

  public Refusal(String reason) {
    super(reason, null, false, false);
  }
}
