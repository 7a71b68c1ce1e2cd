package dev.packets.server;

import dev.packets.PacketRegistry;
import dev.packets.socketio.JsonBridge;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.Packet;
import io.socket.socketio.server.parser.Parser;
import io.socket.socketio.server.utils.HasBinary;
import org.json.JSONArray;

/**
 * Packets for a client that reads them as JSON ({@link PacketSocket#json}): the event is the packet's name and its
 * argument the packet's data, dehydrated. A push is {@code 42["Echo",{"text":"hi"}]} (its recovery offset after
 * it, if it has one), a send awaiting the client's answer {@code 4217["Echo",{"text":"hi"}]}; a packet with binary
 * fields goes through the library, which sends them as attachments.
 */
final class JsonOut {
  private final PacketRegistry registry;

  JsonOut(PacketRegistry registry) {
    this.registry = registry;
  }

  /** The push of packet {@code id} ({@code payload}) to {@code socket}, with its offset or none. */
  Mailbox.Send push(SocketIoSocket raw, int id, byte[] payload, String offset) {
    JSONArray event = dehydrated(id, payload);
    if (offset != null) {
      event.put(offset);
    }
    Object[] args = new Object[event.length() - 1];
    for (int i = 1; i < event.length(); i++) {
      args[i - 1] = event.get(i);
    }
    String name = event.getString(0);
    Runnable viaLibrary = () -> raw.send(name, args);
    if (HasBinary.hasBinary(event)) {
      return Mailbox.Send.library(viaLibrary, payload.length + 64);
    }
    String frame = "42" + event;
    return Mailbox.Send.text(frame, viaLibrary);
  }

  /** The send of packet {@code id} to {@code socket} that awaits its answer under {@code ack}. */
  Mailbox.Send send(SocketIoSocket raw, int ack, int id, byte[] payload) {
    JSONArray event = dehydrated(id, payload);
    boolean binary = HasBinary.hasBinary(event);
    Runnable viaLibrary = () -> {
      Packet<JSONArray> asked = new Packet<>(binary ? Parser.BINARY_EVENT : Parser.EVENT, event);
      asked.id = ack;
      asked.nsp = "/";
      raw.getClient().sendPacket(asked);
    };
    if (binary) {
      return Mailbox.Send.library(viaLibrary, payload.length + 64);
    }
    String frame = "42" + ack + event;
    return Mailbox.Send.text(frame, viaLibrary);
  }

  /**
   * The latest payload rendered (one without binary fields): a fan-out's JSON sockets share one decoding of its one
   * payload instead of one each.
   */
  private record Rendered(int id, byte[] payload, JSONArray event) {}

  private volatile Rendered last;

  /** A packet's payload as its dehydrated JSON, {@code ["Echo",{"text":"hi"}]}: a fresh array the caller may extend. */
  private JSONArray dehydrated(int id, byte[] payload) {
    Rendered seen = last;
    if (seen == null || seen.payload() != payload || seen.id() != id) {
      JSONArray event = (JSONArray) JsonBridge.toJson(registry.dehydrate(registry.decode(id, payload)), registry);
      if (HasBinary.hasBinary(event)) {
        return event; // the library takes binary fields out of the data it sends: such data is never shared
      }
      seen = new Rendered(id, payload, event);
      last = seen;
    }
    JSONArray copy = new JSONArray();
    for (Object item : seen.event()) {
      copy.put(item); // the name and the data, shared: nobody changes them
    }
    return copy;
  }
}
