package dev.packets.server;

import dev.packets.PacketRegistry;
import dev.packets.server.auth.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's permission rules: the guards of each packet type, checked in the order registered before the
 * acceptor (all must allow); what a packet without a rule gets (allowed, or refused when the server denies by
 * default); and the outbound guards that decide what each recipient of a push receives.
 */
final class Permissions {
  private final Map<Class<?>, List<Guard<Object>>> guards;
  private final Map<Class<?>, List<OutboundGuard<Object>>> outbound;
  private final boolean denyUnguarded;
  private final PacketRegistry registry;

  Permissions(Map<Class<?>, List<Guard<Object>>> guards, Map<Class<?>, List<OutboundGuard<Object>>> outbound,
      boolean denyUnguarded, PacketRegistry registry) {
    this.guards = Map.copyOf(guards);
    this.outbound = Map.copyOf(outbound);
    this.denyUnguarded = denyUnguarded;
    this.registry = registry;
  }

  /** Null when {@code socket} may send {@code packet}, else why not. */
  String deny(PacketSocket socket, Object packet) {
    List<Guard<Object>> rules = guards.get(packet.getClass());
    if (rules == null) {
      return denyUnguarded ? "no permission rule for " + registry.name(packet.getClass())
          + " (this server denies what it does not permit)" : null;
    }
    for (Guard<Object> rule : rules) {
      String reason = rule.deny(socket.principal(), packet, socket);
      if (reason != null) {
        return reason;
      }
    }
    return null;
  }

  /** Whether pushes of packet type {@code type} go through outbound guards. */
  boolean filters(Class<?> type) {
    return outbound.containsKey(type);
  }

  /** What {@code recipient} receives of {@code packet}: it, another packet, or null for nothing. */
  Object filter(PacketSocket recipient, Object packet) {
    Object out = packet;
    for (OutboundGuard<Object> guard : outbound.getOrDefault(packet.getClass(), List.of())) {
      out = guard.filter(recipient.principal(), out, recipient);
      if (out == null) {
        return null;
      }
    }
    return out;
  }

  /** A guard that lets through principals with any of {@code roles}. */
  static Guard<Object> roles(Set<String> roles, String packet) {
    List<String> sorted = new ArrayList<>(roles);
    sorted.sort(null);
    return (principal, p, socket) -> {
      if (principal instanceof Principal who) {
        for (String role : roles) {
          if (who.hasRole(role)) {
            return null;
          }
        }
      }
      return packet + " needs the role " + String.join(" or ", sorted);
    };
  }
}
