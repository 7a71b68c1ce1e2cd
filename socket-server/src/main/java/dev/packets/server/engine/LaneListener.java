package dev.packets.server.engine;

import org.json.JSONArray;

/**
 * What a {@link LaneConnection} hands its owner, already checked against the lane's rules (see {@link
 * dev.packets.lane.LaneFrames}); a connection's calls come one at a time, on the thread reading it.
 */
public interface LaneListener {
  /** The client's {@code packets:hello}: its data, JSON ({@code {"auth":…,"pid":…,"offset":…}}) or null. */
  void hello(LaneConnection connection, Object data);

  /** A packet: its id and payload, and the ack id its answer goes back under ({@code 0}: no answer wanted). */
  void packet(LaneConnection connection, int packetId, int ack, byte[] payload);

  /** The client's answer to the server's send {@code ack}: {@code [null, value]}, {@code [null, payload, id]} or {@code [{code, reason}]}. */
  void answer(LaneConnection connection, int ack, JSONArray args);

  /** A JSON event after the hello, with the ack id its answer goes back under ({@code 0}: none). */
  void event(LaneConnection connection, String name, Object data, int ack);

  /** The connection closed, with the websocket's close code ({@code 1000}: the client said goodbye). */
  void closed(LaneConnection connection, int code, String reason);

  /** The connection broke a rule and is being closed. */
  void protocolError(LaneConnection connection, String reason);
}
