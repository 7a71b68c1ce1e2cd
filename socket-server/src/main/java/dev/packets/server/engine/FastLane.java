package dev.packets.server.engine;

/**
 * Where a websocket hands what the server handles past the Socket.IO library's parser: packets (a binary event on
 * the main namespace with one attachment, see {@link BinaryHeader}), the client's acks of the server's own sends,
 * and the rules a client broke. Every other frame goes to engine.io as usual.
 */
public interface FastLane {
  /** Whether engine.io session {@code sid} has a socket on the main namespace that takes packets now. */
  boolean ready(String sid);

  /** A packet: its id, its ack id ({@code -1}: no ack wanted) and its payload; answer through {@code out}. */
  void packet(String sid, int packetId, int ackId, byte[] payload, FrameWriter out);

  /**
   * The client's ack {@code ackId} of something the server sent: {@code json} is its argument array
   * ({@code [null,"ok"]}, {@code [null,{"_placeholder":true,"num":0},5]}…), {@code attachment} its binary part
   * or null.
   */
  void ack(String sid, int ackId, String json, byte[] attachment);

  /**
   * The websocket {@code out}, from {@code remoteAddress}, now carries engine.io session {@code sid} (from its
   * handshake, or after an upgrade).
   */
  void opened(String sid, FrameWriter out, String remoteAddress);

  /** The websocket {@code out} of session {@code sid} closed. */
  void closed(String sid, FrameWriter out);

  /** The connection of session {@code sid} (null before its handshake) broke a rule and is being closed. */
  void protocolError(String sid, String reason);
}
