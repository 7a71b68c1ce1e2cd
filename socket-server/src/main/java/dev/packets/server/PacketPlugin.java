package dev.packets.server;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A unit that packages part of a server: its name, the settings it was made with, the packets it brings, what it
 * adds to the server being built (acceptors, hooks, guards, authentication drivers) and a lifecycle.
 *
 * <p>{@link ServerBuilder#plugin} adds the plugin's packets to the registry and calls {@link #install} there and
 * then, so hooks from several plugins chain in the order the plugins were added (each {@code onReceived} hook sees
 * the packet the one before returned). {@link PacketServer#start()} starts the plugins in that order before it
 * listens, each after the one before has completed its (possibly asynchronous) start; a plugin that fails to start
 * fails the server's start, named, after the plugins already started are closed. {@link PacketServer#close()}
 * closes them in reverse order.
 *
 * <pre>{@code
 * record Moderation(Set<String> words) implements PacketPlugin {
 *   public String name() { return "moderation"; }
 *   public Collection<Class<?>> packets() { return List.of(Kick.class); }
 *   public void install(ServerBuilder server) {
 *     server.requireRoles(Kick.class, "moderator")
 *         .accept(Kick.class, Acceptor.responding((kick, socket) -> kicked(kick, socket)))
 *         .guard(Chat.class, (who, chat, socket) -> words.stream().anyMatch(chat.text()::contains) ? "mind your words" : null);
 *   }
 * }
 * }</pre>
 */
public interface PacketPlugin {
  /** A short name, unique among a server's plugins: in logs and in a failed start's message. */
  String name();

  /** The packet records this plugin brings (added to the server's registry); none by default. */
  default Collection<Class<?>> packets() {
    return List.of();
  }

  /** Adds what the plugin brings to the server being built. */
  void install(ServerBuilder server);

  /**
   * Starts, before the server listens; the server's start waits for the returned stage (up to {@link
   * ServerBuilder#pluginStartTimeout}). Nothing to do by default.
   */
  default CompletionStage<Void> start(PacketServer server) {
    return CompletableFuture.completedFuture(null);
  }

  /** Stops, after the server has stopped; plugins close in reverse order. Nothing to do by default. */
  default void close() {}
}
