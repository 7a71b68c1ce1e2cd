package dev.packets.server.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Who a socket is, as a driver admitted it: an id, roles, the claims it read (a token's payload, an API key's
 * name), the driver's name, and when the admission stops holding (a token's expiry), if ever.
 *
 * @param expires the instant from which the principal no longer holds, or null
 */
public record Principal(String id, Set<String> roles, Map<String, Object> claims, String driver, Instant expires) {
  public Principal {
    roles = Set.copyOf(roles);
    claims = Map.copyOf(claims);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  @Override
  public String toString() {
    return "Principal[" + id + " " + roles + " by " + driver + "]"; // never the claims: they may hold secrets
  }
}
