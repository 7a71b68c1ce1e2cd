package dev.packets.server;

import dev.packets.server.engine.FastLane;
import dev.packets.server.engine.FrameWriter;
import dev.packets.socketio.Frames;
import org.json.JSONArray;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Packets and acks that came the hot way (see {@link FastLane}): the same handling as the library's events. */
final class HotLane implements FastLane {
  private static final Logger LOG = LoggerFactory.getLogger(PacketServer.class);

  private final Sessions sessions;
  private final Inbound inbound;
  private final Outbound outbound;
  /** Packets that came the hot way, past the library's parser (for tests that check the path is taken). */
  private final LongAdder packets = new LongAdder();

  HotLane(Sessions sessions, Inbound inbound, Outbound outbound) {
    this.sessions = sessions;
    this.inbound = inbound;
    this.outbound = outbound;
  }

  long packets() {
    return packets.sum();
  }

  @Override
  public boolean ready(String sid) {
    return sessions.bySession(sid) != null;
  }

  @Override
  public void packet(String sid, int packetId, int ackId, byte[] payload, FrameWriter out) {
    PacketSocket socket = sessions.bySession(sid);
    if (socket == null) {
      return;
    }
    packets.increment();
    try {
      inbound.onPacket(socket, packetId, payload, ackId < 0 ? null : socket.link().ack(socket, ackId));
    } catch (RuntimeException e) {
      LOG.warn("packet from socket {} failed", socket.id(), e);
    }
  }

  @Override
  public void ack(String sid, int ackId, String json, byte[] attachment) {
    PacketSocket socket = sessions.bySession(sid);
    if (socket != null) {
      outbound.answered(socket, ackId, Frames.withAttachment(new JSONArray(json), attachment));
    }
  }

  @Override
  public void opened(String sid, FrameWriter out, String remoteAddress) {
    sessions.carried(sid, out);
  }

  @Override
  public void closed(String sid, FrameWriter out) {
    sessions.uncarried(sid, out);
  }

  @Override
  public void protocolError(String sid, String reason) {
    sessions.protocolError(sid, reason);
  }
}
