package dev.packets.intercom;

/**
 * A question that cannot be asked at all: the intercom is closed, the transport is down, or a frame is broken.
 * Answers that fail or do not come are not exceptions: they are in {@link Gathered}.
 */
public final class IntercomException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IntercomException(String message) {
    super(message);
  }

  public IntercomException(String message, Throwable cause) {
    super(message, cause);
  }
}
