package dev.packets.server;

import dev.packets.socketio.Frames;
import dev.packets.socketio.PacketError;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.Packet;
import io.socket.socketio.server.parser.Parser;
import io.socket.socketio.server.utils.HasBinary;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The answer to one received packet or event on Socket.IO, into its socket's {@link Mailbox}: on a websocket
 * written as the Socket.IO library would have encoded it ({@code 43<id>[null,"ok"]}, {@code 43<id>[{"code":…}]},
 * {@code 461-<id>[null,{"_placeholder":true,"num":0},<packet id>]} and its attachment), else (polling, or binary
 * values) through the library.
 */
final class FastAck implements Answer {
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
  public void error(PacketError error) {
    JSONObject json = Frames.errorJson(error);
    if (library != null) {
      viaLibraryOnly(json.toString().length(), json);
      return;
    }
    socket.mailbox().offer(Mailbox.Send.text(Frames.ackOf(id, new JSONArray().put(json).toString()),
        viaLibrary(json)));
  }

  @Override
  public void packet(int packetId, byte[] payload) {
    if (library != null) {
      viaLibraryOnly(payload.length, JSONObject.NULL, payload, packetId);
      return;
    }
    socket.mailbox().offer(Mailbox.Send.binary(Frames.packetAck(id, packetId), payload,
        viaLibrary(JSONObject.NULL, payload, packetId), packetId));
  }

  @Override
  public void value(Object json) {
    if (library != null) {
      viaLibraryOnly(json instanceof String s ? s.length() : 0, JSONObject.NULL, json);
      return;
    }
    if (json instanceof String s) {
      // the common answer, "ok": no array made for it
      socket.mailbox().offer(Mailbox.Send.text(Frames.jsonAck(id, JSONObject.quote(s)),
          viaLibrary(JSONObject.NULL, s)));
      return;
    }
    JSONArray data = new JSONArray().put(JSONObject.NULL).put(json);
    if (HasBinary.hasBinary(data)) {
      viaLibraryOnly(64, JSONObject.NULL, json);
      return;
    }
    socket.mailbox().offer(Mailbox.Send.text(Frames.ackOf(id, data.toString()), viaLibrary(JSONObject.NULL, json)));
  }

  /**
   * What only the library writes (its own callback's ack, or binary values of other shapes), at a cost of 64 +
   * {@code bytes}.
   */
  private void viaLibraryOnly(int bytes, Object... args) {
    Runnable write = library != null ? () -> library.sendAcknowledgement(args) : viaLibrary(args);
    socket.mailbox().offer(Mailbox.Send.library(write, 64 + bytes));
  }

  /** The ack written by the library (a polling session's answer waits for its next GET). */
  private Runnable viaLibrary(Object... args) {
    return () -> {
      JSONArray data = new JSONArray();
      for (Object arg : args) {
        data.put(arg);
      }
      Packet<JSONArray> packet = new Packet<>(HasBinary.hasBinary(data) ? Parser.BINARY_ACK : Parser.ACK, data);
      packet.id = id;
      packet.nsp = "/";
      link.raw().getClient().sendPacket(packet);
    };
  }
}
