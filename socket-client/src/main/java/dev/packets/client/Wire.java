package dev.packets.client;

import dev.packets.socketio.PacketError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * How a client's packets travel on its websocket: {@link LaneWire} (the packets lane, one frame per packet) or
 * {@link SocketIoWire} (engine.io and Socket.IO). A wire turns what the client does into frames and the frames it
 * reads into what the client handles; the client itself (its sends awaiting answers, acceptors, reconnects) does
 * not know which it uses.
 */
interface Wire {
  /** The websocket path and query to connect to. */
  String path();

  /** The websocket subprotocols to ask for. */
  List<String> subprotocols();

  /** The websocket opened. */
  void opened() throws IOException;

  void text(String frame);

  void binary(ByteBuffer frame);

  /** A packet whose answer comes back under {@code ack}. */
  void send(int ack, int packetId, byte[] payload) throws IOException;

  /** A JSON event whose answer comes back under {@code ack}. */
  void event(int ack, String name, Object json) throws IOException;

  /** Answers the server's send {@code ack}: a {@link PacketError}, a packet, or a JSON-like value. */
  void answer(int ack, Object outcome) throws IOException;

  /** Says goodbye before the client closes the websocket. */
  void goodbye();

  /** The timer's beat ({@code now}: System.nanoTime()): a wire that keeps the connection alive itself does it here. */
  void beat(long now);

  /** What a wire tells its client. */
  interface Peer {
    /** Writes a text frame, a binary frame, or both in that order, with nothing between them. */
    void write(String text, byte[] binary) throws IOException;

    /** Sends a websocket ping. */
    void ping() throws IOException;

    /** The auth payload (JSON), or null. */
    JSONObject auth();

    /** The session's private id, to recover it on the next connect; null when the server keeps no sessions. */
    String pid();

    /** The recovery offset of the last push received, or null. */
    String offset();

    /** The server gave this connection its socket id and the session's pid (null: it keeps no sessions). */
    void connected(String socketId, String pid);

    /** The server lives: it pinged, or its ping cadence is known ({@code silenceMillis}: how long it may be quiet). */
    void alive(long silenceMillis);

    /** A JSON event from the server: {@code packets:ready}, {@code packets:close}, {@code packets:refused}. */
    void control(String event, JSONObject data);

    /** A packet the server pushed, {@code ack} its ack id ({@code -1}: no answer wanted), with its offset or none. */
    void push(int packetId, byte[] payload, int ack, String offset);

    /** The server's answer to the send {@code ack}, as ack arguments: {@code [null, value]}, {@code [null, payload, id]}, {@code [{code, reason}]}. */
    void answer(int ack, JSONArray args);

    /** The server refused the connect. */
    void refused(PacketError error);

    /** The server said the connection is over. */
    void dropped(String why);
  }
}
