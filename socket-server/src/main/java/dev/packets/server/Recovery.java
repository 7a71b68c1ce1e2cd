package dev.packets.server;

import dev.packets.PacketRegistry;
import dev.packets.intercom.Intercom;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions waiting to be recovered: a socket whose connection broke is parked here under its private id ({@code
 * pid}) for {@code maxDisconnection}, still in its rooms, its pushes kept in its {@link Backlog}; a client that comes
 * back naming that pid and its last offset claims it. A pid this node does not hold is asked of the other nodes
 * ({@value #RECOVER}): the node that holds it hands the session over ({@link MovedSession}) and forgets it.
 *
 * <p>Metered: at most {@code maxParked} sessions wait at once (more are not parked: they end as before), a parked
 * session's pushes are bounded by its budget, and at most {@value #REMOTE_CLAIMS} questions to the other nodes are
 * in flight (a flood of made-up pids gets new sessions, not a storm of asks).
 */
final class Recovery {
  static final String RECOVER = "packets:recover";
  /** How long a node waits for the others to hand over a session. */
  static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(2);
  static final int REMOTE_CLAIMS = 64;
  private static final Logger LOG = LoggerFactory.getLogger(PacketServer.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * A session claimed for a connection: one parked here ({@code local}), or one moved from another node
   * ({@code moved}); {@code offset} the last one its client saw (-1: none).
   */
  record Claim(PacketSocket local, MovedSession moved, long offset) {
    String id() {
      return local != null ? local.id() : moved.id();
    }

    String pid() {
      return local != null ? local.pid : moved.pid();
    }
  }

  private record Parked(PacketSocket socket, ScheduledFuture<?> expiry) {}

  private final ServerConfig.Recovery limits;
  private final Intercom intercom;
  private final PacketRegistry registry;
  private final ServerMetrics metrics;
  private final Executor pool;
  private final Holder ended;
  private final Map<String, Parked> parked = new ConcurrentHashMap<>();
  /** Sessions connected now, by pid: a client back before its old connection was seen to break takes it over. */
  private final Map<String, PacketSocket> live = new ConcurrentHashMap<>();
  private final Semaphore remote = new Semaphore(REMOTE_CLAIMS);
  private final ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "packets-recovery");
    t.setDaemon(true);
    return t;
  });

  /** The sessions' side: what becomes of a session that will not come back here, and one taken over. */
  interface Holder {
    /** The session is over here: it expired, its backlog broke, or it moved to another node. */
    void ended(PacketSocket socket, String reason, boolean hooks);

    /**
     * A client came back with the pid of a session whose connection still looks alive here (a network blip the
     * server has not noticed: the old connection is dead or about to be): that connection is taken as broken now,
     * the session parked at once and the connection closed. False when the session is not connected any more.
     */
    boolean takeOver(PacketSocket socket);
  }

  Recovery(ServerConfig.Recovery limits, Intercom intercom, PacketRegistry registry, ServerMetrics metrics,
      Executor pool, Holder ended) {
    this.limits = limits;
    this.intercom = intercom;
    this.registry = registry;
    this.metrics = metrics;
    this.pool = pool;
    this.ended = ended;
  }

  void start() {
    if (intercom != null) {
      intercom.handle(RECOVER, (payload, ask) -> handOver(payload, ask.from()));
    }
  }

  void stop() {
    if (intercom != null) {
      intercom.unhandle(RECOVER);
    }
    timer.shutdownNow();
  }

  /** A new session's private id: 128 random bits. */
  static String newPid() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A session was admitted on a connection: a client that names its pid may take it over. */
  void live(PacketSocket socket) {
    live.put(socket.pid, socket);
  }

  /** A session's connection is gone (it is parked, or over). */
  void gone(PacketSocket socket) {
    live.remove(socket.pid, socket);
  }

  /** The session parked under {@code pid}, parking it first if a connection of it still looks alive here. */
  private Parked parkedOrTakenOver(String pid) {
    Parked found = parked.get(pid);
    if (found == null) {
      PacketSocket socket = live.get(pid);
      if (socket != null && ended.takeOver(socket)) {
        found = parked.get(pid);
      }
    }
    return found;
  }

  /** A socket's connection broke without a goodbye: parked, or false when it cannot be (too many, over budget). */
  boolean park(PacketSocket socket) {
    synchronized (socket) {
      if (socket.backlog.broken() || metrics.parked.get() >= limits.maxParked()) {
        return false;
      }
      socket.parked = true;
    }
    metrics.parked.incrementAndGet();
    long wait = limits.maxDisconnection().toMillis();
    ScheduledFuture<?> expiry = timer.schedule(() -> pool.execute(() -> expire(socket.pid)), wait,
        TimeUnit.MILLISECONDS);
    parked.put(socket.pid, new Parked(socket, expiry));
    return true;
  }

  private void expire(String pid) {
    Parked gone = parked.remove(pid);
    if (gone != null) {
      metrics.parked.decrementAndGet();
      ended.ended(gone.socket(), "not back within " + limits.maxDisconnection().toSeconds() + " s", true);
    }
  }

  /**
   * Claims the session parked here under {@code pid} for a client whose last offset is {@code offset}: null when
   * there is none; a session whose missed pushes cannot all be given ends instead.
   */
  Claim claimLocal(String pid, long offset) {
    Parked found = parkedOrTakenOver(pid);
    if (found == null || !parked.remove(pid, found)) {
      return null;
    }
    found.expiry().cancel(false);
    metrics.parked.decrementAndGet();
    PacketSocket socket = found.socket();
    boolean complete;
    synchronized (socket) {
      complete = socket.backlog.after(offset) != null;
    }
    if (!complete) {
      ended.ended(socket, "pushes it missed were dropped (over its recovery budget)", true);
      return null;
    }
    return new Claim(socket, null, offset);
  }

  /**
   * A claimed session whose new connection went away before it was let in: parked again if it was this node's (one
   * handed over by another node is lost with the connection, as is the client's chance to recover it).
   */
  void unclaimed(Claim claim) {
    if (claim.local() != null && !park(claim.local())) {
      ended.ended(claim.local(), "its connection broke while it was recovered", true);
    } else if (claim.moved() != null) {
      LOG.info("session {} handed over from another node was lost: its new connection closed first",
          claim.moved().id());
    }
  }

  /** Asks the other nodes for the session {@code pid}: completes with it, or null (none has it, or no answer). */
  CompletableFuture<Claim> claimRemote(String pid, long offset) {
    if (intercom == null || !remote.tryAcquire()) {
      return CompletableFuture.completedFuture(null);
    }
    List<Object> question = java.util.Arrays.asList(pid, offset);
    return intercom.ask(RECOVER, question, REMOTE_TIMEOUT).handle((gathered, error) -> {
      remote.release();
      if (error != null) {
        LOG.debug("asking the other nodes for session {}… failed: {}", pid.substring(0, 4), error.toString());
        return null;
      }
      for (Map.Entry<String, Object> answer : gathered.answers().entrySet()) {
        if (answer.getValue() != null && !answer.getKey().equals(intercom.self())) {
          try {
            return new Claim(null, MovedSession.from(answer.getValue(), registry), offset);
          } catch (RuntimeException e) {
            LOG.warn("node {} handed over a session that cannot be read: {}", answer.getKey(), e.getMessage());
          }
        }
      }
      return null;
    });
  }

  /** Another node asks for a session parked here: handed over (and forgotten here), or null. */
  private Object handOver(Object question, String node) {
    if (!(question instanceof List<?> q) || q.size() != 2 || !(q.get(0) instanceof String pid)
        || !(q.get(1) instanceof Number offset) || node.equals(intercom.self())) {
      return null;
    }
    Parked found = parkedOrTakenOver(pid);
    if (found == null) {
      return null;
    }
    PacketSocket socket = found.socket();
    List<Object> carried;
    synchronized (socket) {
      List<Backlog.Entry> missed = socket.backlog.after(offset.longValue());
      if (missed == null) {
        return null;
      }
      int bytes = missed.stream().mapToInt(e -> e.payload().length + 16).sum();
      if (missed.size() > registry.limits().maxListLength() || bytes > registry.limits().maxBufferBytes() / 2) {
        LOG.info("session {} stays here: its {} missed pushes ({} bytes) are too many to hand over", socket.id(),
            missed.size(), bytes);
        return null;
      }
      try {
        carried = MovedSession.of(socket, missed, socket.backlog.last()).carried(registry);
      } catch (RuntimeException e) {
        LOG.info("session {} stays here: {}", socket.id(), e.getMessage());
        return null;
      }
      if (!parked.remove(pid, found)) {
        return null;
      }
      socket.parked = false;
      if (socket.backlog != null) {
        socket.backlog.release(metrics.parkedBytes);
      }
    }
    found.expiry().cancel(false);
    metrics.parked.decrementAndGet();
    // this node's disconnect hooks run (what it held for the socket can go); the other node's connect hooks see it
    // recovered
    ended.ended(socket, "moved to node " + node, true);
    return carried;
  }
}
