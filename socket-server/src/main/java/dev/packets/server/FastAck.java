package dev.packets.server;

import dev.packets.server.engine.BinaryHeader;
import dev.packets.server.engine.FrameWriter;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.Packet;
import io.socket.socketio.server.parser.Parser;
import io.socket.socketio.server.utils.HasBinary;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The ack of a packet that came the hot way: written straight onto its websocket as the Socket.IO library would
 * have encoded it ({@code 43<id>[null,"ok"]}, {@code 461-<id>[null,{"_placeholder":true,"num":0},<packet id>]}
 * and its attachment); acks carrying other binary values go through the library's encoder.
 */
final class FastAck implements SocketIoSocket.ReceivedByLocalAcknowledgementCallback {
  private final SocketIoSocket socket;
  private final int id;
  private final FrameWriter out;

  FastAck(SocketIoSocket socket, int id, FrameWriter out) {
    this.socket = socket;
    this.id = id;
    this.out = out;
  }

  @Override
  public void sendAcknowledgement(Object... args) {
    if (args.length == 2 && args[0] == JSONObject.NULL && args[1] instanceof String s) {
      out.text("43" + id + "[null," + JSONObject.quote(s) + "]");
      return;
    }
    if (args.length == 3 && args[0] == JSONObject.NULL && args[1] instanceof byte[] payload
        && args[2] instanceof Integer packet) {
      out.binary(BinaryHeader.packetAck(id, packet), payload);
      return;
    }
    JSONArray data = new JSONArray();
    for (Object arg : args) {
      data.put(arg == null ? JSONObject.NULL : arg);
    }
    if (!HasBinary.hasBinary(data)) {
      out.text("43" + id + data);
      return;
    }
    Packet<JSONArray> packet = new Packet<>(Parser.ACK, data);
    packet.id = id;
    packet.nsp = "/";
    socket.getClient().sendPacket(packet);
  }
}
