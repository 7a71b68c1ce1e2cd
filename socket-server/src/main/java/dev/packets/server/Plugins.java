package dev.packets.server;

import dev.packets.server.auth.AuthDriver;
import java.util.List;
import java.util.Map;

/**
 * The server's own features as plugins, for servers assembled from plugins: authentication by drivers and role
 * permissions here, and
 * metrics by {@link PacketServerMeters#plugin} (apart, since Micrometer is an optional dependency).
 *
 * <pre>{@code
 * PacketServer.builder().packets(packets)
 *     .plugin(Plugins.authentication(jwt, new AnonymousDriver()))
 *     .plugin(PacketServerMeters.plugin(meterRegistry))
 *     .plugin(new Moderation(words))
 * }</pre>
 */
public final class Plugins {
  private Plugins() {}

  /** Authentication by {@code drivers}, chained in this order ({@link ServerBuilder#authenticate(AuthDriver)}). */
  public static PacketPlugin authentication(AuthDriver... drivers) {
    List<AuthDriver> chain = List.of(drivers);
    return new PacketPlugin() {
      @Override
      public String name() {
        return "authentication";
      }

      @Override
      public void install(ServerBuilder server) {
        chain.forEach(server::authenticate);
      }
    };
  }

  /**
   * Role rules as a plugin: each packet type of {@code roles} needs one of its roles ({@link
   * ServerBuilder#requireRoles}); with {@code denyUnguarded}, a packet without a rule is refused ({@link
   * ServerBuilder#denyUnguarded}).
   */
  public static PacketPlugin permissions(Map<Class<?>, List<String>> roles, boolean denyUnguarded) {
    Map<Class<?>, List<String>> rules = Map.copyOf(roles);
    return new PacketPlugin() {
      @Override
      public String name() {
        return "permissions";
      }

      @Override
      public void install(ServerBuilder server) {
        rules.forEach((type, names) -> server.requireRoles(type, names.toArray(String[]::new)));
        if (denyUnguarded) {
          server.denyUnguarded();
        }
      }
    };
  }
}
