package dev.packets.server;

import dev.packets.socketio.PacketError;

/**
 * Where the answer to one packet or event a client sent goes, written by its socket's way ({@link FastAck} on
 * Socket.IO, {@link LaneLink.Ack} on the lane): exactly one of these is called, once.
 */
interface Answer {
  /** Refused: {@code {code, reason}}. */
  void error(PacketError error);

  /** Answered with packet {@code id}, already encoded. */
  void packet(int id, byte[] payload);

  /** Answered with a JSON value, in org.json's form ({@code JSONObject.NULL} for null). */
  void value(Object json);
}
