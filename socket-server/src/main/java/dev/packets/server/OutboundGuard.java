package dev.packets.server;

/**
 * What a socket may receive of a packet pushed to it (one by one, to a room, or broadcast across nodes): the packet
 * as it is, a copy with less in it (s3db's protected fields, in its simplest form), or null to send it nothing.
 * Registered with {@link ServerBuilder#guardOutbound}. A fan-out decodes the packet once and encodes again only for
 * the recipients given another packet; those given the same one share its bytes.
 *
 * @param <T> the packet type
 */
@FunctionalInterface
public interface OutboundGuard<T> {
  /** What {@code recipient} (whose principal is {@code principal}) receives of {@code packet}, or null. */
  T filter(Object principal, T packet, PacketSocket recipient);
}
