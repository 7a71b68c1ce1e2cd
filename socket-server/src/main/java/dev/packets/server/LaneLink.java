package dev.packets.server;

import dev.packets.lane.LaneFrames;
import dev.packets.server.engine.LaneConnection;
import dev.packets.socketio.PacketError;
import io.socket.socketio.server.SocketIoSocket;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;

/** A socket's connection on the packets lane: every send is one frame that {@link LaneFrames} writes. */
final class LaneLink implements Link {
  private final LaneConnection connection;
  /** The socket on this connection, once its hello made or resumed it. */
  private volatile PacketSocket socket;

  LaneLink(LaneConnection connection) {
    this.connection = connection;
  }

  void socket(PacketSocket socket) {
    this.socket = socket;
  }

  PacketSocket socket() {
    return socket;
  }

  LaneConnection connection() {
    return connection;
  }

  @Override
  public String session() {
    return connection.id();
  }

  @Override
  public Map<String, List<String>> headers() {
    return connection.headers();
  }

  @Override
  public Map<String, String> query() {
    return connection.query();
  }

  @Override
  public boolean connected() {
    return connection.isOpen();
  }

  @Override
  public void disconnect() {
    connection.close(1000, "closed by the server");
  }

  @Override
  public Mailbox.Send push(int id, byte[] payload, String offset) {
    return Mailbox.Send.frame(offset == null ? LaneFrames.push(id, payload) : LaneFrames.pushAt(offset, id, payload),
        null);
  }

  @Override
  public Mailbox.Send shared(FanOut fanOut) {
    return fanOut.lane();
  }

  @Override
  public Mailbox.Send request(int ack, int id, byte[] payload) {
    return Mailbox.Send.frame(LaneFrames.send(ack, id, payload), null);
  }

  @Override
  public Mailbox.Send event(String event, JSONObject data) {
    return Mailbox.Send.text(LaneFrames.event(event, data), null);
  }

  @Override
  public SocketIoSocket.ReceivedByLocalAcknowledgementCallback ack(PacketSocket socket, int ack) {
    return new Ack(socket, ack);
  }

  /**
   * The answer to a client's packet or event, in the arguments' Socket.IO shapes that {@link Inbound} answers
   * with, written as the lane's one frame: {@code [{code, reason}]} an ERROR, {@code [null, payload, id]} a REPLY,
   * {@code [null, value]} a VALUE.
   */
  static final class Ack implements SocketIoSocket.ReceivedByLocalAcknowledgementCallback {
    private final PacketSocket socket;
    private final int ack;

    Ack(PacketSocket socket, int ack) {
      this.socket = socket;
      this.ack = ack;
    }

    @Override
    public void sendAcknowledgement(Object... args) {
      byte[] frame;
      if (args.length == 1 && args[0] instanceof JSONObject error) {
        frame = LaneFrames.error(ack, new PacketError(error.optInt("code", 500), error.optString("reason")));
      } else if (args.length == 3 && args[1] instanceof byte[] payload && args[2] instanceof Integer id) {
        frame = LaneFrames.reply(ack, id, payload);
      } else {
        Object value = args.length > 1 ? args[1] : null;
        frame = LaneFrames.value(ack, value == null ? "null" : JSONObject.valueToString(value));
      }
      socket.mailbox().offer(Mailbox.Send.frame(frame, null));
    }
  }
}
