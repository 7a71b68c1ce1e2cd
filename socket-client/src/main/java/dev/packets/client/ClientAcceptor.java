package dev.packets.client;

import dev.packets.socketio.PacketError;

/**
 * Answers a packet the server pushes; the return value (a JSON-like value, a registered packet, or null) goes back
 * as the ack. Throwing {@link dev.packets.socketio.PacketError} acks {@code [{code, reason}]}.
 *
 * @param <T> the packet record
 */
@FunctionalInterface
public interface ClientAcceptor<T> {
  Object respond(T packet) throws Exception;
}
