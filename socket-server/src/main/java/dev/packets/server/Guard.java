package dev.packets.server;

/**
 * Who may send a packet: checked for every packet of its type before the acceptor's {@code validate}; a reason
 * refuses the packet with 403 and that reason, null lets it through. Registered once with {@link
 * ServerBuilder#guard}, instead of the same check written in every {@code validate}.
 *
 * <pre>{@code
 * .guard(Kick.class, (principal, kick, socket) ->
 *     principal instanceof Principal p && p.hasRole("moderator") ? null : "only moderators kick")
 * }</pre>
 *
 * @param <T> the packet type
 */
@FunctionalInterface
public interface Guard<T> {
  /** Null to allow {@code packet} from {@code socket} (whose principal is {@code principal}), else why not. */
  String deny(Object principal, T packet, PacketSocket socket);
}
