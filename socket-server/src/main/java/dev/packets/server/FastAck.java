package dev.packets.server;

import dev.packets.socketio.Frames;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.Packet;
import io.socket.socketio.server.parser.Parser;
import io.socket.socketio.server.utils.HasBinary;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The ack of one received packet, into its socket's {@link Mailbox}: on a websocket written as the Socket.IO
 * library would have encoded it ({@code 43<id>[null,"ok"]}, {@code 461-<id>[null,{"_placeholder":true,"num":0},
 * <packet id>]} and its attachment), else (polling, or binary values of other shapes) through the library.
 */
final class FastAck implements SocketIoSocket.ReceivedByLocalAcknowledgementCallback {
  private final PacketSocket socket;
  private final SocketIoLink link;
  private final int id;
  /** The library's own callback for an event it parsed, or null for one that came the hot way. */
  private final SocketIoSocket.ReceivedByLocalAcknowledgementCallback library;

  /**
   * The ack {@code id} of a packet that came the hot way on {@code link} (null {@code library}), or of an event the
   * library parsed ({@code link} null: the library's callback answers).
   */
  FastAck(PacketSocket socket, SocketIoLink link, int id,
      SocketIoSocket.ReceivedByLocalAcknowledgementCallback library) {
    this.socket = socket;
    this.link = link;
    this.id = id;
    this.library = library;
  }

  @Override
  public void sendAcknowledgement(Object... args) {
    Runnable viaLibrary = library != null ? () -> library.sendAcknowledgement(args) : () -> {
      JSONArray data = new JSONArray();
      for (Object arg : args) {
        data.put(arg == null ? JSONObject.NULL : arg);
      }
      Packet<JSONArray> packet = new Packet<>(HasBinary.hasBinary(data) ? Parser.BINARY_ACK : Parser.ACK, data);
      packet.id = id;
      packet.nsp = "/";
      link.raw().getClient().sendPacket(packet);
    };
    if (library != null) {
      // an event the library parsed: its callback knows the ack id, and writes the ack the library's way
      int bytes = 64;
      for (Object arg : args) {
        bytes += arg instanceof byte[] b ? b.length : arg instanceof String s ? s.length() : 0;
      }
      socket.mailbox().offer(Mailbox.Send.library(viaLibrary, bytes));
      return;
    }
    if (args.length == 2 && args[0] == JSONObject.NULL && args[1] instanceof String s) {
      String frame = Frames.jsonAck(id, JSONObject.quote(s));
      socket.mailbox().offer(Mailbox.Send.text(frame, viaLibrary));
      return;
    }
    if (args.length == 3 && args[0] == JSONObject.NULL && args[1] instanceof byte[] payload
        && args[2] instanceof Integer packet) {
      String header = Frames.packetAck(id, packet);
      socket.mailbox().offer(Mailbox.Send.binary(header, payload, viaLibrary, packet));
      return;
    }
    JSONArray data = new JSONArray();
    for (Object arg : args) {
      data.put(arg == null ? JSONObject.NULL : arg);
    }
    if (!HasBinary.hasBinary(data)) {
      String frame = Frames.ackOf(id, data.toString());
      socket.mailbox().offer(Mailbox.Send.text(frame, viaLibrary));
      return;
    }
    int bytes = 64;
    for (Object arg : args) {
      bytes += arg instanceof byte[] b ? b.length : 0;
    }
    socket.mailbox().offer(Mailbox.Send.library(viaLibrary, bytes));
  }
}
