package dev.packets.client;

import dev.packets.PacketRegistry;
import dev.packets.lane.LaneFrames;
import dev.packets.socketio.JsonBridge;
import dev.packets.socketio.PacketError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.json.JSONArray;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packets lane ({@link LaneFrames}): one binary frame per packet and per answer, JSON events as text frames.
 * The client opens with {@code packets:hello}; the server's {@code packets:ready} tells its socket id, pid and ping
 * cadence. The server pings with websocket pings (answered by the websocket itself); this client pings the server
 * at the same cadence, since the websocket API shows it pongs and not pings, and a pong is its sign of life.
 */
final class LaneWire implements Wire {
  private static final Logger LOG = LoggerFactory.getLogger(PacketClient.class);

  private final Peer peer;
  private final PacketRegistry registry;
  private final LaneFrames.Head head = new LaneFrames.Head();
  private volatile long pingEveryNanos;
  private volatile long lastPing;

  LaneWire(Peer peer, PacketRegistry registry) {
    this.peer = peer;
    this.registry = registry;
  }

  @Override
  public String path() {
    return LaneFrames.PATH;
  }

  @Override
  public List<String> subprotocols() {
    return List.of(LaneFrames.SUBPROTOCOL);
  }

  @Override
  public void opened() throws IOException {
    JSONObject hello = new JSONObject();
    if (peer.auth() != null) {
      hello.put("auth", peer.auth());
    }
    if (peer.pid() != null) {
      hello.put("pid", peer.pid());
      if (peer.offset() != null) {
        hello.put("offset", peer.offset());
      }
    }
    peer.write(LaneFrames.event(LaneFrames.HELLO, hello), null);
  }

  @Override
  public void text(String text) {
    JSONArray event = new JSONArray(text);
    String name = event.optString(0);
    JSONObject data = event.optJSONObject(1);
    if (name.equals("packets:ready") && data != null) {
      long interval = data.optLong("pingInterval", 25_000);
      pingEveryNanos = TimeUnit.MILLISECONDS.toNanos(interval);
      lastPing = System.nanoTime();
      peer.alive(interval + data.optLong("pingTimeout", 20_000));
      peer.connected(data.optString("id", null), data.optString("pid", null));
    }
    peer.control(name, data);
  }

  @Override
  public void binary(ByteBuffer frame) {
    LaneFrames.read(frame, head);
    switch (head.kind) {
      case LaneFrames.PUSH, LaneFrames.PUSH_AT -> peer.push(head.packetId, bytes(frame), -1, head.offset);
      case LaneFrames.SEND -> peer.push(head.packetId, bytes(frame), head.ack, null);
      case LaneFrames.REPLY -> peer.answer(head.ack, new JSONArray().put(JSONObject.NULL).put(bytes(frame))
          .put(head.packetId));
      case LaneFrames.VALUE, LaneFrames.ERROR -> peer.answer(head.ack, LaneFrames.answerArgs(head.kind,
          StandardCharsets.UTF_8.decode(frame).toString()));
      default -> LOG.debug("a lane frame of kind {} ignored", head.kind);
    }
  }

  private static byte[] bytes(ByteBuffer frame) {
    byte[] out = new byte[frame.remaining()];
    frame.get(out);
    return out;
  }

  @Override
  public void send(int ack, int packetId, byte[] payload) throws IOException {
    peer.write(null, LaneFrames.send(ack, packetId, payload));
  }

  @Override
  public void event(int ack, String name, Object json) throws IOException {
    peer.write(LaneFrames.event(ack, name, json), null);
  }

  @Override
  public void answer(int ack, Object outcome) throws IOException {
    byte[] frame;
    if (outcome instanceof PacketError e) {
      frame = LaneFrames.error(ack, e);
    } else if (outcome != null && registry.contains(outcome.getClass())) {
      frame = LaneFrames.reply(ack, registry.id(outcome.getClass()), registry.encode(outcome));
    } else {
      frame = LaneFrames.value(ack, JSONObject.valueToString(JsonBridge.toJson(outcome, registry)));
    }
    peer.write(null, frame);
  }

  @Override
  public void goodbye() {
    // closing the websocket with 1000 is the lane's goodbye
  }

  @Override
  public void beat(long now) {
    long every = pingEveryNanos;
    if (every > 0 && now - lastPing >= every) {
      lastPing = now;
      try {
        peer.ping();
      } catch (IOException | RuntimeException e) {
        LOG.debug("cannot ping", e);
      }
    }
  }
}
