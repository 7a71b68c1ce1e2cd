package dev.packets.server;

import dev.packets.socketio.Request;

/**
 * An acceptor that declares what it answers: for a packet that is a {@link Request Request&lt;R&gt;}, it returns an
 * {@code R}, which the compiler checks; the client's {@code request(packet)} then completes with that type.
 *
 * <pre>{@code
 * builder.answer(WhereIs.class, (where, socket) -> new Position(where.entity(), 1f, 2f, "node-1"));
 * }</pre>
 *
 * @param <T> the packet record
 * @param <R> what it is answered with
 */
@FunctionalInterface
public interface Answering<T extends Request<R>, R> extends Acceptor<T> {

  /** The answer. */
  R answer(T packet, PacketSocket socket) throws Exception;

  @Override
  default Object respond(T packet, PacketSocket socket) throws Exception {
    return answer(packet, socket);
  }

  /**
   * An acceptor that declares what it answers, later: the answer of a {@link Request Request&lt;R&gt;} as a
   * {@code CompletionStage} of an {@code R} (asked of other nodes, read from a store…).
   *
   * @param <T> the packet record
   * @param <R> what it is answered with
   */
  @FunctionalInterface
  interface Later<T extends Request<R>, R> extends Acceptor<T> {

    /** The answer, when it comes. */
    java.util.concurrent.CompletionStage<? extends R> answer(T packet, PacketSocket socket) throws Exception;

    @Override
    default Object respond(T packet, PacketSocket socket) throws Exception {
      return answer(packet, socket);
    }
  }
}
