package dev.packets.server;

import dev.packets.lane.LaneFrames;
import dev.packets.server.engine.LaneConnection;
import dev.packets.socketio.PacketError;
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
  public Answer ack(PacketSocket socket, int ack) {
    return new Ack(socket, ack);
  }

  /** The answer to a client's packet or event: the lane's one frame, ERROR, REPLY or VALUE. */
  static final class Ack implements Answer {
    private final PacketSocket socket;
    private final int ack;

    Ack(PacketSocket socket, int ack) {
      this.socket = socket;
      this.ack = ack;
    }

    @Override
    public void error(PacketError error) {
      socket.mailbox().offer(Mailbox.Send.frame(LaneFrames.error(ack, error), null));
    }

    @Override
    public void packet(int id, byte[] payload) {
      socket.mailbox().offer(Mailbox.Send.frame(LaneFrames.reply(ack, id, payload), null));
    }

    @Override
    public void value(Object json) {
      socket.mailbox().offer(Mailbox.Send.frame(LaneFrames.value(ack, JSONObject.valueToString(json)), null));
    }
  }
}
