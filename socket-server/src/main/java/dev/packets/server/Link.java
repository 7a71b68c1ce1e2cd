package dev.packets.server;

import java.util.List;
import java.util.Map;
import org.json.JSONObject;

/**
 * The connection under a {@link PacketSocket}, whichever way its client came: Socket.IO ({@link SocketIoLink},
 * engine.io over a websocket or long-polling) or the packets lane ({@link LaneLink}, one websocket frame per
 * packet). A link knows how its way writes each kind of send and how it ends; everything above it — acceptors,
 * hooks, limits, rate limits, budgets, rooms, the cluster, recovery — is the same for both.
 */
interface Link {
  /** The connection's id, unique on this node while it is open: engine.io's session id, or the lane's. */
  String session();

  /** The handshake's headers, names as the client sent them. */
  Map<String, List<String>> headers();

  /** The handshake's query parameters. */
  Map<String, String> query();

  /** Whether the connection is open. */
  boolean connected();

  /** Ends the connection; run from the socket's mailbox or the outbound pool, never on a caller's thread. */
  void disconnect();

  /** The push of packet {@code id} with its recovery offset, or none ({@code offset} null). */
  Mailbox.Send push(int id, byte[] payload, String offset);

  /** A broadcast's push on this way, made once and shared by all its recipients on it. */
  Mailbox.Send shared(FanOut fanOut);

  /** The send of packet {@code id} whose answer comes back under the server's ack id {@code ack}. */
  Mailbox.Send request(int ack, int id, byte[] payload);

  /** A JSON event: {@code packets:ready}, {@code packets:close}… */
  Mailbox.Send event(String event, JSONObject data);

  /** Where the answer to the client's packet or event under its ack id {@code ack} goes. */
  Answer ack(PacketSocket socket, int ack);
}
