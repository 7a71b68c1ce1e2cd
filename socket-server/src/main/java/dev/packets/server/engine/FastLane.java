package dev.packets.server.engine;

/**
 * Where a websocket hands its hot frames, past the Socket.IO library's parser: a binary event on the main namespace
 * with one attachment (a packet, see {@link BinaryHeader}). Every other frame goes to engine.io as usual.
 */
public interface FastLane {
  /** Whether engine.io session {@code sid} has a socket on the main namespace that takes packets now. */
  boolean ready(String sid);

  /** A packet: its id, its ack id ({@code -1}: no ack wanted) and its payload; answer through {@code out}. */
  void packet(String sid, int packetId, int ackId, byte[] payload, FrameWriter out);

  /**
   * The websocket {@code out}, from {@code remoteAddress}, now carries engine.io session {@code sid} (from its
   * handshake, or after an upgrade).
   */
  void opened(String sid, FrameWriter out, String remoteAddress);

  /** The websocket {@code out} of session {@code sid} closed. */
  void closed(String sid, FrameWriter out);
}
