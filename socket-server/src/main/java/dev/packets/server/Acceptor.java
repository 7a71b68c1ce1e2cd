package dev.packets.server;

import dev.packets.socketio.PacketError;

/**
 * Accepts one packet type: {@link #validate} may refuse it with a {@link PacketError}, then {@link #respond}
 * returns what goes back to the sender as the ack — a JSON-like value, a registered packet (sent in its binary
 * form), null, or a {@link java.util.concurrent.CompletionStage} of one of these.
 *
 * @param <T> the packet record
 */
public interface Acceptor<T> {

  /** Refuses the packet by throwing; the default accepts everything. */
  default void validate(T packet, PacketSocket socket) throws PacketError {}

  /** The response; the default has none (the sender's ack then carries null). */
  default Object respond(T packet, PacketSocket socket) throws Exception {
    return null;
  }

  /** An acceptor that only responds. */
  static <T> Acceptor<T> responding(Responder<T> responder) {
    return new Acceptor<>() {
      @Override
      public Object respond(T packet, PacketSocket socket) throws Exception {
        return responder.respond(packet, socket);
      }
    };
  }

  /** The respond half of an acceptor, as a lambda. */
  @FunctionalInterface
  interface Responder<T> {
    Object respond(T packet, PacketSocket socket) throws Exception;
  }
}
