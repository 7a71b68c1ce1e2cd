package dev.packets.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.glassfish.tyrus.core.MaskingKeyGenerator;

/**
 * What every {@link PacketClient} of a process shares while any is open: one Tyrus client container (its Grizzly
 * selector and worker threads) and one timer thread. A container per client ran threads by the hundred in a
 * process with many clients (bots, load tests) and halved their throughput. The last client to close shuts them
 * down, so a program that closes its clients can exit.
 */
final class ClientRuntime {
  private static ClientRuntime shared;
  private static int users;

  final ClientManager manager;
  /** A manager per TLS context (its properties carry the context), sharing the one container. */
  private final Map<SSLContext, ClientManager> tlsManagers = new ConcurrentHashMap<>();
  final ScheduledExecutorService timers;
  /** Where reconnections run: a handshake blocks. */
  final java.util.concurrent.ExecutorService connects;
  /** The open clients, whose overdue sends the timer fails every {@link #SWEEP_MILLIS} ms. */
  private final java.util.Set<PacketClient> clients = java.util.concurrent.ConcurrentHashMap.newKeySet();
  static final long SWEEP_MILLIS = 20;
  /** The longest a websocket handshake may take. */
  static final int HANDSHAKE_MILLIS = 5_000;

  private ClientRuntime() {
    manager = ClientManager.createClient();
    manager.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
    // a connection that is accepted and then dropped before the handshake's answer would otherwise hold a
    // reconnection for Tyrus' default of 30 s
    manager.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, HANDSHAKE_MILLIS);
    // a frame's masking key from ThreadLocalRandom instead of Tyrus' SecureRandom (a lock and a digest per frame):
    // masking defends proxies against frames that a page's hostile script shapes (RFC 6455 §10.3); a Java client
    // sends only frames it wrote itself, so an unpredictable key buys it nothing
    manager.getProperties().put(ClientProperties.MASKING_KEY_GENERATOR,
        (MaskingKeyGenerator) () -> ThreadLocalRandom.current().nextInt());
    timers = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "packets-client-timer");
      t.setDaemon(true);
      return t;
    });
    connects = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "packets-client-connect");
      t.setDaemon(true);
      return t;
    });
    timers.scheduleWithFixedDelay(() -> {
      long now = System.nanoTime();
      for (PacketClient client : clients) {
        client.expire(now);
      }
    }, SWEEP_MILLIS, SWEEP_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** The manager that connects with {@code tls} (null: the JDK's default TLS, or none). */
  ClientManager manager(SSLContext tls) {
    if (tls == null) {
      return manager;
    }
    return tlsManagers.computeIfAbsent(tls, context -> {
      ClientManager m = ClientManager.createClient();
      m.getProperties().putAll(manager.getProperties());
      SslEngineConfigurator ssl = new SslEngineConfigurator(context, true, false, false);
      ssl.setHostVerificationEnabled(true);
      m.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR, ssl);
      return m;
    });
  }

  /** Starts failing {@code client}'s overdue sends. */
  void watch(PacketClient client) {
    clients.add(client);
  }

  /** The runtime, started for the first client. */
  static synchronized ClientRuntime acquire() {
    if (shared == null) {
      shared = new ClientRuntime();
    }
    users++;
    return shared;
  }

  /** Called once by each client that acquired it; the last one stops the runtime. */
  static synchronized void release(ClientRuntime runtime, PacketClient client) {
    runtime.clients.remove(client);
    if (runtime != shared || --users > 0) {
      return;
    }
    shared = null;
    runtime.timers.shutdownNow();
    runtime.connects.shutdownNow();
    runtime.manager.shutdown();
    runtime.tlsManagers.values().forEach(ClientManager::shutdown);
  }
}
