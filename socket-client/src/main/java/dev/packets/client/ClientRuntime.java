package dev.packets.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.net.http.HttpClient;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * What every {@link PacketClient} of a process shares while any is open: one JDK {@link HttpClient} (its selector
 * thread reads and writes every websocket, and runs their callbacks; one more per TLS context) and one timer thread.
 * Tyrus and its Grizzly threads, which this replaced, spent more time finding decoders for each message and passing
 * it through filter chains than the client spent on its packets: one process of 50 clients made 28.5k acks/s through
 * them, 105.9k on the JDK's websocket against the same server (issue 14). The last client to close shuts the runtime
 * down, so a program that closes its clients can exit.
 */
final class ClientRuntime {
  private static ClientRuntime shared;
  private static int users;

  private final HttpClient http;
  /** A client per TLS context, sharing the callbacks' threads. */
  private final Map<SSLContext, HttpClient> tlsClients = new ConcurrentHashMap<>();
  final ScheduledExecutorService timers;
  /** Where reconnections run: a handshake blocks. */
  final java.util.concurrent.ExecutorService connects;
  /** The open clients, whose overdue sends the timer fails every {@link #SWEEP_MILLIS} ms. */
  private final java.util.Set<PacketClient> clients = java.util.concurrent.ConcurrentHashMap.newKeySet();
  static final long SWEEP_MILLIS = 20;
  /** The longest a websocket handshake may take. */
  static final int HANDSHAKE_MILLIS = 5_000;

  private ClientRuntime() {
    http = client(null);
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

  private HttpClient client(SSLContext tls) {
    // the websockets' callbacks run on the selector thread itself: a hand-off to a pool per message cost 43% of
    // the acks/s (60.5k against 105.9k, one process of 50 clients); futures' callbacks run there too (ClientFuture)
    HttpClient.Builder builder = HttpClient.newBuilder().executor(Runnable::run)
        .connectTimeout(Duration.ofMillis(HANDSHAKE_MILLIS));
    if (tls != null) {
      builder.sslContext(tls);
    }
    return builder.build();
  }

  /** The HTTP client that connects with {@code tls} (null: the JDK's default TLS, or none). */
  HttpClient http(SSLContext tls) {
    return tls == null ? http : tlsClients.computeIfAbsent(tls, this::client);
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
  }
}
