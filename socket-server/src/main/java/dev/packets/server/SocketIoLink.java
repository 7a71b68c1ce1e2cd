package dev.packets.server;

import dev.packets.socketio.Frames;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.Packet;
import io.socket.socketio.server.parser.Parser;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * A socket's connection through Socket.IO: its sends are the frames {@link Frames} writes (a text header and the
 * payload as an attachment), written straight onto the websocket that carries the session, or handed to the
 * library while the session polls.
 */
final class SocketIoLink implements Link {
  private final SocketIoSocket raw;

  SocketIoLink(SocketIoSocket raw) {
    this.raw = raw;
  }

  /** The library's socket. */
  SocketIoSocket raw() {
    return raw;
  }

  @Override
  public String session() {
    return raw.getClient().getId();
  }

  @Override
  public Map<String, List<String>> headers() {
    return raw.getInitialHeaders();
  }

  @Override
  public Map<String, String> query() {
    return raw.getInitialQuery();
  }

  @Override
  public boolean connected() {
    return raw.isConnected();
  }

  @Override
  public void disconnect() {
    raw.disconnect(true);
  }

  @Override
  public Mailbox.Send push(int id, byte[] payload, String offset) {
    String header = offset == null ? Frames.push(id) : Frames.push(id, offset);
    Runnable viaLibrary = offset == null ? () -> raw.send(String.valueOf(id), payload)
        : () -> raw.send(String.valueOf(id), payload, offset);
    return Mailbox.Send.binary(header, payload, viaLibrary, id);
  }

  @Override
  public Mailbox.Send shared(FanOut fanOut) {
    return fanOut.socketIo();
  }

  @Override
  public Mailbox.Send request(int ack, int id, byte[] payload) {
    Runnable viaLibrary = () -> {
      JSONArray data = new JSONArray().put(String.valueOf(id)).put(payload);
      Packet<JSONArray> event = new Packet<>(Parser.BINARY_EVENT, data);
      event.id = ack;
      event.nsp = "/";
      raw.getClient().sendPacket(event);
    };
    return Mailbox.Send.binary(Frames.send(ack, id), payload, viaLibrary, id);
  }

  @Override
  public Mailbox.Send event(String event, JSONObject data) {
    return Mailbox.Send.text(Frames.event(event, data), () -> raw.send(event, data));
  }

  @Override
  public Answer ack(PacketSocket socket, int ack) {
    return new FastAck(socket, this, ack, null);
  }
}
