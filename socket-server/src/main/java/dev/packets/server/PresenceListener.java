package dev.packets.server;

/**
 * Who comes and goes on every node of the cluster ({@code server.cluster().onPresence(...)}): a socket admitted or
 * gone, with its principal (as text, or null) and the node that holds it. Called on the intercom's thread; a
 * node that dies takes its sockets with it, told as they leave with the reason {@code node <id> left}.
 */
public interface PresenceListener {
  /** A socket was admitted somewhere. */
  default void joined(String socketId, String principal, String node) {}

  /** A socket is gone. */
  default void left(String socketId, String principal, String node, String reason) {}
}
