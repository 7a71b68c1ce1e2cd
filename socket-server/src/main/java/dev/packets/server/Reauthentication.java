package dev.packets.server;

import dev.packets.server.auth.Admission;
import dev.packets.server.auth.Principal;
import dev.packets.socketio.JsonBridge;
import dev.packets.socketio.PacketError;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An admitted principal over time: checked again by its driver every re-check interval (a socket whose principal
 * no longer holds is closed with the driver's reason), and refreshed by its client ({@code packets:reauthenticate},
 * a token renewed before it expires). Admission itself is {@link Sessions}'.
 */
final class Reauthentication {
  private static final Logger LOG = LoggerFactory.getLogger(Reauthentication.class);
  /** Tokens a re-authentication takes from the socket's rate limit: it runs the drivers, which cost more. */
  static final int COST = 10;

  private final Authentication authentication;
  private final ServerConfig config;
  private final ServerMetrics metrics;
  private final Outbound outbound;
  private final Executor workers;
  private final Supplier<Collection<PacketSocket>> admitted;
  private ScheduledExecutorService timer;

  Reauthentication(Authentication authentication, ServerConfig config, ServerMetrics metrics, Outbound outbound,
      Executor workers, Supplier<Collection<PacketSocket>> admitted) {
    this.authentication = authentication;
    this.config = config;
    this.metrics = metrics;
    this.outbound = outbound;
    this.workers = workers;
    this.admitted = admitted;
  }

  /** Starts the re-checks, when the server authenticates. */
  synchronized void start() {
    if (authentication.isEmpty()) {
      return;
    }
    long every = config.recheckInterval().toMillis();
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "packets-recheck");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::recheck, every, every, TimeUnit.MILLISECONDS);
  }

  synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  /**
   * Checks every admitted socket's principal again (on the worker pool: a driver may look a revocation up) and
   * closes, with its driver's reason, each one that no longer holds.
   */
  void recheck() {
    Instant now = Instant.now();
    for (PacketSocket socket : admitted.get()) {
      // a parked session has no connection to close: it is checked when it comes back (recovery admits it as it
      // was, without its driver, and the next re-check closes it then if it no longer holds)
      if (socket.principal() == null || socket.ending || isParked(socket)) {
        continue;
      }
      try {
        workers.execute(() -> {
          String reason;
          try {
            reason = authentication.recheck(socket.principal(), now);
          } catch (RuntimeException e) {
            LOG.warn("re-check of socket {} failed; it stays until the next one", socket.id(), e);
            return;
          }
          if (reason != null && !socket.ending) {
            LOG.info("socket {} closed: {}", socket.id(), reason);
            metrics.refused.increment();
            outbound.close(socket, reason);
          }
        });
      } catch (RejectedExecutionException busy) {
        return; // the next re-check tries again
      }
    }
  }

  private static boolean isParked(PacketSocket socket) {
    synchronized (socket) {
      return socket.parked;
    }
  }

  /**
   * A {@code packets:reauthenticate}: only with an ack, on an admitted socket, one at a time, and at the cost of
   * {@value #COST} packets of the socket's rate limit.
   */
  void onEvent(PacketSocket socket, Object credentials, Answer ack) {
    if (ack == null) {
      metrics.protocolErrors.increment();
      return;
    }
    Lane lane = socket.lane;
    if (lane == null || lane.admitting || authentication.isEmpty()) {
      ack.error(new PacketError(409, lane == null || lane.admitting ? "not admitted yet"
          : "this server authenticates no one"));
      return;
    }
    if (!lane.bucket.take(COST) || !socket.reauthenticating.compareAndSet(false, true)) {
      metrics.refused.increment();
      ack.error(new PacketError(429, "re-authentications come one at a time, and each counts as " + COST
          + " packets of the rate limit"));
      return;
    }
    Object auth;
    try {
      auth = JsonBridge.toJava(credentials, 0);
    } catch (IllegalArgumentException e) {
      socket.reauthenticating.set(false);
      ack.error(new PacketError(400, "credentials must be JSON-like"));
      return;
    }
    reauthenticate(socket, auth, ack);
  }

  /**
   * New credentials must admit the same principal id through the same chain; the socket then carries the new
   * principal (and its expiry), and the answer is the new client data. A refusal leaves the socket as it was.
   */
  private void reauthenticate(PacketSocket socket, Object auth, Answer ack) {
    try {
      workers.execute(() -> {
        JSONObject admitted = null;
        PacketError refusal = null;
        try {
          Admission admission = authentication.admit(socket, auth);
          Object before = socket.principal();
          if (before instanceof Principal was && (!(admission.principal() instanceof Principal now)
              || !now.id().equals(was.id()))) {
            throw new PacketError(403, "new credentials must be for " + was.id());
          }
          socket.principal(admission.principal());
          socket.clientData(admission.clientData());
          admitted = new JSONObject().put("session", JsonBridge.toJson(admission.clientData(), config.registry()));
        } catch (PacketError refused) {
          refusal = refused;
        } catch (RuntimeException e) {
          String id = Correlation.next();
          LOG.warn("re-authentication of socket {} failed ({})", socket.id(), id, e);
          refusal = new PacketError(500, "internal error (id " + id + ")");
        }
        // free before the answer: a client may send the next one as soon as it reads this one
        socket.reauthenticating.set(false);
        if (refusal != null) {
          ack.error(refusal);
        } else {
          ack.value(admitted);
        }
      });
    } catch (RejectedExecutionException busy) {
      socket.reauthenticating.set(false);
      ack.error(new PacketError(503, "server busy"));
    }
  }
}
