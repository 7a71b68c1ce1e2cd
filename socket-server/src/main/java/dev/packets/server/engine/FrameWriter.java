package dev.packets.server.engine;

/**
 * Writes frames straight onto one websocket (engine.io's, in order with everything engine.io itself writes there, or
 * the packets lane's).
 * Writes only queue frames on Jetty's flusher (they never block); {@code written} runs once the frame left or
 * failed, so the caller can count the bytes still in flight.
 */
public interface FrameWriter {
  /**
   * A text frame ({@code text}, UTF-8, e.g. {@code 43<ackId>[null,"ok"]}), a binary frame, or a text header and its
   * binary attachment with nothing written between them; either may be null. The arrays are shared by every
   * recipient of a fan-out and are not changed.
   */
  void write(byte[] text, byte[] binary, Runnable written);

  /** Whether the calling thread is the one reading this websocket now (it may write its answers at once). */
  boolean onReadThread();

  /** Closes with {@code code} and {@code reason}, and drops the connection without waiting for the peer. */
  void abort(int code, String reason);
}
