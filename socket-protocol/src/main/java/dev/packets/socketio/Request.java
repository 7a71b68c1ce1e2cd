package dev.packets.socketio;

/**
 * A packet that asks for an answer of type {@code R}: {@code record WhereIs(int entity) implements
 * Request<Position> {}}. The server's acceptor for it declares that it answers an {@code R} (and is checked), and the
 * client's {@code request(packet)} completes with an {@code R}, so no caller casts. {@code R} is a registered packet,
 * a {@code String}, {@code Boolean}, a boxed number, a {@code Map} or a {@code List}.
 *
 * @param <R> what the packet is answered with
 */
public interface Request<R> {}
