package dev.packets.server.engine;

/** Writes engine.io frames straight onto one websocket, in order with everything engine.io itself writes there. */
public interface FrameWriter {
  /** One text frame, e.g. {@code 43<ackId>[null,"ok"]}. */
  void text(String frame);

  /** A text header and its one binary attachment, with nothing written between them. */
  void binary(String header, byte[] attachment);
}
