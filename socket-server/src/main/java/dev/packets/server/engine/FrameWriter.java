package dev.packets.server.engine;

/**
 * Writes engine.io frames straight onto one websocket, in order with everything engine.io itself writes there.
 * Writes only queue frames on Jetty's flusher (they never block); {@code written} runs once the frame left or
 * failed, so the caller can count the bytes still in flight.
 */
public interface FrameWriter {
  /** One text frame, e.g. {@code 43<ackId>[null,"ok"]}. */
  void text(String frame, Runnable written);

  /** A text header and its one binary attachment, with nothing written between them. */
  void binary(String header, byte[] attachment, Runnable written);

  /** Whether the calling thread is the one reading this websocket now (it may write its answers at once). */
  boolean onReadThread();

  /** Closes with {@code code} and {@code reason}, and drops the connection without waiting for the peer. */
  void abort(int code, String reason);
}
