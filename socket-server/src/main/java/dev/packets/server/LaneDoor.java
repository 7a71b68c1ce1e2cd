package dev.packets.server;

import dev.packets.server.engine.LaneConnection;
import dev.packets.server.engine.LaneListener;
import dev.packets.socketio.JsonBridge;
import dev.packets.socketio.PacketError;
import java.util.Map;
import org.json.JSONArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What comes in on the packets lane, handed to the same places as Socket.IO's: a hello makes (or recovers) the
 * socket through {@link Sessions}, packets go to {@link Inbound}, the client's answers to {@link Outbound}, a
 * {@code packets:reauthenticate} to {@link Reauthentication}.
 */
final class LaneDoor implements LaneListener {
  private static final Logger LOG = LoggerFactory.getLogger(PacketServer.class);

  private final Sessions sessions;
  private final Inbound inbound;
  private final Outbound outbound;
  private final ServerMetrics metrics;

  LaneDoor(Sessions sessions, Inbound inbound, Outbound outbound, ServerMetrics metrics) {
    this.sessions = sessions;
    this.inbound = inbound;
    this.outbound = outbound;
    this.metrics = metrics;
  }

  @Override
  public void hello(LaneConnection connection, Object data) {
    Object hello;
    try {
      hello = JsonBridge.toJava(data, 0);
    } catch (IllegalArgumentException e) {
      metrics.protocolErrors.increment();
      connection.close(1002, "packets:hello's data must be JSON-like: " + e.getMessage());
      return;
    }
    Object auth = hello instanceof Map<?, ?> m ? m.get("auth") : null;
    Reconnects reconnects = sessions.reconnects();
    if (reconnects == null) {
      sessions.connected(connection, auth, null);
      return;
    }
    reconnects.decide(hello, () -> !connection.isOpen(), decision -> sessions.connected(connection, auth, decision));
  }

  @Override
  public void packet(LaneConnection connection, int packetId, int ack, byte[] payload) {
    LaneLink link = (LaneLink) connection.attachment();
    PacketSocket socket = link == null ? null : link.socket();
    if (socket == null) {
      // its session is still being asked of the other nodes: a client waits for packets:ready before it sends
      metrics.protocolErrors.increment();
      connection.close(1008, "a packet before packets:ready");
      return;
    }
    try {
      inbound.onPacket(socket, packetId, payload, ack == 0 ? null : link.ack(socket, ack));
    } catch (RuntimeException e) {
      LOG.warn("packet from socket {} failed", socket.id(), e);
    }
  }

  @Override
  public void answer(LaneConnection connection, int ack, JSONArray args) {
    PacketSocket socket = socketOf(connection);
    if (socket != null) {
      outbound.answered(socket, ack, args);
    }
  }

  @Override
  public void event(LaneConnection connection, String name, Object data, int ack) {
    LaneLink link = (LaneLink) connection.attachment();
    PacketSocket socket = link == null ? null : link.socket();
    if (socket == null) {
      return;
    }
    if (PacketServer.REAUTHENTICATE_EVENT.equals(name)) {
      sessions.reauthentication().onEvent(socket, data, ack == 0 ? null : link.ack(socket, ack));
    } else if (ack != 0) {
      link.ack(socket, ack).error(new PacketError(404, "no event '"
          + (name.length() > 64 ? name.substring(0, 64) : name) + "' on the packets lane"));
    }
  }

  @Override
  public void closed(LaneConnection connection, int code, String reason) {
    LaneLink link = (LaneLink) connection.attachment();
    if (link != null && link.socket() != null) {
      sessions.closed(link, code);
    }
  }

  @Override
  public void protocolError(LaneConnection connection, String reason) {
    metrics.protocolErrors.increment();
    LOG.debug("lane connection {} closed: {}", connection.id(), reason);
    PacketSocket socket = socketOf(connection);
    if (socket != null) {
      socket.ending = true;
    }
  }

  private static PacketSocket socketOf(LaneConnection connection) {
    return connection.attachment() instanceof LaneLink link ? link.socket() : null;
  }
}
