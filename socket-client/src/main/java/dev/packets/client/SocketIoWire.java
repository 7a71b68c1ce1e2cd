package dev.packets.client;

import dev.packets.PacketRegistry;
import dev.packets.socketio.Frames;
import dev.packets.socketio.JsonBridge;
import dev.packets.socketio.PacketError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine.io v4 and Socket.IO v5 on a websocket, the frames {@link Frames} writes: a packet is a text header and its
 * payload as a binary attachment; the server pings with {@code 2} and is answered {@code 3}.
 */
final class SocketIoWire implements Wire {
  private static final Logger LOG = LoggerFactory.getLogger(PacketClient.class);

  private final Peer peer;
  private final PacketRegistry registry;
  /** A binary event or ack whose attachment is still to come: its type, ack id and JSON. */
  private String awaitingBinary;

  SocketIoWire(Peer peer, PacketRegistry registry) {
    this.peer = peer;
    this.registry = registry;
  }

  @Override
  public String path() {
    return "/socket.io/?EIO=4&transport=websocket";
  }

  @Override
  public List<String> subprotocols() {
    return List.of();
  }

  @Override
  public void opened() {
    // the server speaks first: engine.io's open packet
  }

  @Override
  public void text(String text) {
    if (text.isEmpty()) {
      return;
    }
    switch (text.charAt(0)) {
      case '0' -> {
        JSONObject open = new JSONObject(text.substring(1));
        peer.alive(open.optLong("pingInterval", 25_000) + open.optLong("pingTimeout", 20_000));
        quietly(Frames.connect(connectData()));
      }
      case '2' -> {
        peer.alive(0);
        quietly("3");
      }
      case '4' -> socketIo(text.substring(1));
      default -> { }
    }
  }

  /** The CONNECT's data: the auth payload, with the session's pid and last offset when it may be recovered. */
  private JSONObject connectData() {
    JSONObject auth = peer.auth();
    String pid = peer.pid();
    if (pid == null) {
      return auth;
    }
    JSONObject data = auth == null ? new JSONObject() : new JSONObject(auth.toString());
    data.put("pid", pid);
    if (peer.offset() != null) {
      data.put("offset", peer.offset());
    }
    return data;
  }

  private void socketIo(String packet) {
    if (packet.isEmpty()) {
      return;
    }
    char type = packet.charAt(0);
    int i = 1;
    if (type == '5' || type == '6') {
      int dash = packet.indexOf('-', i);
      i = dash + 1;
    }
    if (i < packet.length() && packet.charAt(i) == '/') {
      int comma = packet.indexOf(',', i);
      i = comma < 0 ? packet.length() : comma + 1;
    }
    int idStart = i;
    while (i < packet.length() && Character.isDigit(packet.charAt(i))) {
      i++;
    }
    int id = i > idStart ? Integer.parseInt(packet.substring(idStart, i)) : -1;
    String json = packet.substring(i);
    switch (type) {
      case '0' -> { // connected; ready once the server's hooks accept us (packets:ready)
        JSONObject data = json.isEmpty() ? new JSONObject() : new JSONObject(json);
        peer.connected(data.optString("sid", null), data.optString("pid", null));
      }
      case '4' -> peer.refused(new PacketError(401, new JSONObject(json).optString("message")));
      case '1' -> peer.dropped("disconnected by the server");
      case '2' -> event(new JSONArray(json), id);
      case '3' -> peer.answer(id, new JSONArray(json));
      case '5', '6' -> awaitingBinary = type + ":" + id + ":" + json;
      default -> { }
    }
  }

  @Override
  public void binary(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    String awaiting = awaitingBinary;
    awaitingBinary = null;
    if (awaiting == null) {
      return;
    }
    String[] parts = awaiting.split(":", 3);
    JSONArray args = Frames.withAttachment(new JSONArray(parts[2]), bytes);
    int id = Integer.parseInt(parts[1]);
    if (parts[0].equals("5")) {
      event(args, id);
    } else {
      peer.answer(id, args);
    }
  }

  /** An event: a JSON one by name, or a packet by its id with its payload (and, pushed, its recovery offset). */
  private void event(JSONArray args, int ack) {
    String event = args.optString(0);
    if (!event.isEmpty() && Character.isDigit(event.charAt(0))) {
      String offset = ack < 0 && args.length() > 2 && args.opt(args.length() - 1) instanceof String o ? o : null;
      peer.push(Integer.parseInt(event), args.opt(1) instanceof byte[] b ? b : new byte[0], ack, offset);
    } else {
      peer.control(event, args.optJSONObject(1));
    }
  }

  @Override
  public void send(int ack, int packetId, byte[] payload) throws IOException {
    peer.write(Frames.send(ack, packetId), payload);
  }

  @Override
  public void event(int ack, String name, Object json) throws IOException {
    peer.write(Frames.event(ack, name, json), null);
  }

  @Override
  public void answer(int ack, Object outcome) throws IOException {
    if (outcome instanceof PacketError e) {
      peer.write(Frames.errorAck(ack, e), null);
    } else if (outcome != null && registry.contains(outcome.getClass())) {
      peer.write(Frames.packetAck(ack, registry.id(outcome.getClass())), registry.encode(outcome));
    } else {
      JSONArray args = new JSONArray().put(JSONObject.NULL).put(JsonBridge.toJson(outcome, registry));
      peer.write(Frames.ackOf(ack, args.toString()), null);
    }
  }

  @Override
  public void goodbye() {
    quietly(Frames.DISCONNECT);
  }

  @Override
  public void beat(long now) {
    // the server pings, and is answered as its pings come
  }

  private void quietly(String text) {
    try {
      peer.write(text, null);
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot write", e);
    }
  }
}
