package dev.packets.server.auth;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admits anyone, as {@code anonymous-<n>} with the role {@code anonymous}: put it last in the chain to let in the
 * clients that present no credentials any driver recognises (one that presents a bad token is still refused by
 * that token's driver).
 */
public final class AnonymousDriver implements AuthDriver {
  private final AtomicLong next = new AtomicLong();

  @Override
  public String name() {
    return "anonymous";
  }

  @Override
  public Admission authenticate(Credentials credentials) {
    String id = "anonymous-" + next.incrementAndGet();
    return new Admission(new Principal(id, Set.of("anonymous"), Map.of(), name(), null), Map.of("id", id));
  }
}
