package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.Packet;
import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.server.TestPackets.Echo;
import dev.packets.server.auth.ApiKeyDriver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Plugins: what they bring (a packet and its acceptor, hooks, guards, drivers), their hooks chained in the order the
 * plugins were added, a start that may be asynchronous and holds the server's start, a failing start named, and
 * closing in reverse order.
 */
class PluginTest {
  /** A packet a plugin brings. */
  @Packet
  record Shout(String text) {}

  /** Records what happens to it in {@code log}; appends {@code mark} to every Echo received. */
  private static final class Recorder implements PacketPlugin {
    private final String name;
    private final List<String> log;
    private final CompletableFuture<Void> started;

    Recorder(String name, List<String> log, CompletableFuture<Void> started) {
      this.name = name;
      this.log = log;
      this.started = started;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void install(ServerBuilder server) {
      log.add("install " + name);
      server.onReceived((packet, socket) -> packet instanceof Echo e ? new Echo(e.text() + "+" + name) : packet);
    }

    @Override
    public CompletionStage<Void> start(PacketServer server) {
      log.add("start " + name);
      return started.thenRun(() -> log.add("started " + name));
    }

    @Override
    public void close() {
      log.add("close " + name);
    }
  }

  @Test
  void pluginsInstallInOrderChainTheirHooksStartBeforeListeningAndCloseInReverse() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> slow = new CompletableFuture<>();
    CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(() -> slow.complete(null));
    PacketServer server = TestPackets.server()
        .plugin(new Recorder("a", log, slow))
        .plugin(new Recorder("b", log, CompletableFuture.completedFuture(null)))
        .build();
    long before = System.nanoTime();
    server.start();
    try {
      assertTrue(System.nanoTime() - before >= TimeUnit.MILLISECONDS.toNanos(250), "start waited for a's start");
      assertEquals(List.of("install a", "install b", "start a", "started a", "start b", "started b"), log);
      try (PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()),
          TestPackets.REGISTRY, ClientOptions.DEFAULT)) {
        // each hook saw the one before's packet: a, then b; the acceptor upper-cases
        assertEquals(new Echo("HI+A+B"), client.send(new Echo("hi")).get(5, TimeUnit.SECONDS));
      }
    } finally {
      server.close();
    }
    assertEquals(List.of("close b", "close a"), log.subList(log.size() - 2, log.size()));
  }

  @Test
  void aPluginBringsItsPacketsAcceptorsDriversAndGuards() throws Exception {
    ApiKeyDriver keys = new ApiKeyDriver();
    keys.add("key-of-a-moderator-0123456789abcdef", "mod", "moderator");
    PacketPlugin moderation = new PacketPlugin() {
      @Override
      public String name() {
        return "moderation";
      }

      @Override
      public Collection<Class<?>> packets() {
        return List.of(Shout.class);
      }

      @Override
      public void install(ServerBuilder server) {
        server.requireRoles(Shout.class, "moderator")
            .accept(Shout.class, Acceptor.responding((shout, socket) -> shout.text().toUpperCase() + "!"));
      }
    };
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (PacketServer server = TestPackets.server().plugin(Plugins.authentication(keys)).plugin(moderation)
            .plugin(PacketServerMeters.plugin(meters)).build().start();
        PacketClient mod = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()),
            server.registry(), ClientOptions.DEFAULT.withAuth(Map.of("apiKey", "key-of-a-moderator-0123456789abcdef")))) {
      assertTrue(server.registry().contains(Shout.class), "the plugin's packet joined the registry");
      assertEquals("QUIET!", mod.send(new Shout("quiet")).get(5, TimeUnit.SECONDS));
      assertTrue(meters.find("packets.in").functionCounter().count() >= 1, "the metrics plugin bound the meters");
    }
  }

  @Test
  void aPluginThatFailsToStartFailsTheServerNamedAndThoseStartedClose() {
    List<String> log = new CopyOnWriteArrayList<>();
    PacketServer server = TestPackets.server()
        .plugin(new Recorder("first", log, CompletableFuture.completedFuture(null)))
        .plugin(new Recorder("broken", log, CompletableFuture.failedFuture(new IllegalStateException("no database"))))
        .plugin(new Recorder("never", log, CompletableFuture.completedFuture(null)))
        .build();
    IllegalStateException failed = assertThrows(IllegalStateException.class, server::start);
    assertEquals("plugin broken failed to start: no database", failed.getMessage());
    assertEquals(List.of("install first", "install broken", "install never", "start first", "started first",
        "start broken", "close first"), log);
    assertThrows(IllegalArgumentException.class, () -> TestPackets.server()
        .plugin(new Recorder("twin", log, null)).plugin(new Recorder("twin", log, null)));
  }
}
