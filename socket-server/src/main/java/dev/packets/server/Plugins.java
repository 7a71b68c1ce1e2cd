package dev.packets.server;

import dev.packets.server.auth.AuthDriver;
import java.util.List;

/**
 * The server's own features as plugins, for servers assembled from plugins: authentication by drivers here, and
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
}
