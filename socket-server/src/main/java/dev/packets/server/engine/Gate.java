package dev.packets.server.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who may open an engine.io session, decided before the library sees the request, for both transports: the
 * protocol (engine.io 4 only, no JSONP), the origin, and how many sessions there are in all and per client address
 * (sessions count from their handshake, whether or not they ever send CONNECT, until they close).
 *
 * <p>Origins: a request without an {@code Origin} header comes from a client that is not a browser and passes; a
 * browser's passes when it is the server's own (scheme and {@code Host} of the request) or one of
 * {@code allowedOrigins}.
 */
public final class Gate {
  private static final ThreadLocal<String> HANDSHAKE = new ThreadLocal<>();
  private static final ThreadLocal<Boolean> POLLING = new ThreadLocal<>();

  /** What a refused request is answered with. */
  public record Refusal(int status, String reason) {}

  private final Set<String> allowedOrigins;
  private final Set<String> trustedProxies;
  private final int maxSessions;
  private final int maxPerAddress;
  private final AtomicInteger sessions = new AtomicInteger();
  private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
  private volatile boolean closing;

  public Gate(Set<String> allowedOrigins, Set<String> trustedProxies, int maxSessions, int maxPerAddress) {
    this.allowedOrigins = Set.copyOf(allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList());
    this.trustedProxies = Set.copyOf(trustedProxies);
    this.maxSessions = maxSessions;
    this.maxPerAddress = maxPerAddress;
  }

  /** From now on every new session is refused (the server is stopping). */
  public void close() {
    closing = true;
  }

  /** Engine.io sessions open now, handshakes included. */
  public int sessions() {
    return sessions.get();
  }

  /**
   * The client's address: the TCP peer, or, when the peer is a trusted proxy, the last {@code X-Forwarded-For}
   * entry (the one that proxy added; earlier entries are whatever the client claimed).
   */
  public String clientAddress(String peer, String forwardedFor) {
    if (forwardedFor == null || forwardedFor.isBlank() || !trustedProxies.contains(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    String last = hops[hops.length - 1].trim();
    return last.isEmpty() ? peer : last;
  }

  /**
   * Whether a request may go on: null, or why not. {@code handshake}: it would open a new session (no {@code sid}).
   */
  public Refusal check(Map<String, String> query, String origin, String scheme, String host, String address,
      boolean handshake) {
    if (!"4".equals(query.get("EIO"))) {
      return new Refusal(400, "only engine.io protocol 4 is spoken (EIO=4)");
    }
    if (query.containsKey("j")) {
      return new Refusal(400, "JSONP is not served");
    }
    return handshake ? open(origin, scheme, host, address) : originAllowed(origin, scheme, host) ? null
        : new Refusal(403, "origin not allowed");
  }

  /**
   * Whether a new connection may open (an engine.io handshake, or a websocket of the packets lane, which counts as a
   * session here): null, or why not.
   */
  public Refusal open(String origin, String scheme, String host, String address) {
    if (!originAllowed(origin, scheme, host)) {
      return new Refusal(403, "origin not allowed");
    }
    if (closing) {
      return new Refusal(503, "server shutting down");
    }
    if (sessions.get() >= maxSessions) {
      return new Refusal(503, "too many connections");
    }
    Integer mine = perAddress.get(address);
    if (mine != null && mine >= maxPerAddress) {
      return new Refusal(503, "too many connections from " + address);
    }
    return null;
  }

  /** Whether a browser page from {@code origin} may use this server (the request came for {@code host}). */
  public boolean originAllowed(String origin, String scheme, String host) {
    if (origin == null) {
      return true;
    }
    String o = origin.toLowerCase(Locale.ROOT);
    if (allowedOrigins.contains(o)) {
      return true;
    }
    return host != null && o.equals((scheme == null ? "http" : scheme.toLowerCase(Locale.ROOT)
        .replace("ws", "http")) + "://" + host.toLowerCase(Locale.ROOT));
  }

  /** Whether {@code origin} was named in {@code allowedOrigins} (CORS answers name only those). */
  public boolean namedOrigin(String origin) {
    return origin != null && allowedOrigins.contains(origin.toLowerCase(Locale.ROOT));
  }

  /**
   * Counts a session that engine.io opened for {@code address}; false (and nothing counted) when that is one too
   * many, because handshakes raced past {@link #check}: the caller closes it.
   */
  public boolean enter(String address) {
    if (sessions.incrementAndGet() > maxSessions) {
      sessions.decrementAndGet();
      return false;
    }
    if (perAddress.merge(address, 1, Integer::sum) > maxPerAddress) {
      leave(address);
      return false;
    }
    return true;
  }

  /** A session {@link #enter}ed for {@code address} closed. */
  public void leave(String address) {
    sessions.decrementAndGet();
    perAddress.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
  }

  /**
   * Runs {@code engineCall} (which may open an engine.io session) with {@code address} as the address of the
   * session it opens, for the engine's connection listener to read with {@link #handshakeAddress()} (and
   * {@link #handshakePolling()}: whether it opens on long-polling).
   */
  public static void handshake(String address, boolean polling, Runnable engineCall) {
    HANDSHAKE.set(address);
    POLLING.set(polling);
    try {
      WheelScheduler.capture(new java.util.ArrayList<>(4), engineCall);
    } finally {
      HANDSHAKE.remove();
      POLLING.remove();
    }
  }

  /**
   * Inside {@link #handshake}: the timers armed for the session being opened so far, to cancel when it closes
   * (the libraries leave some armed).
   */
  public static java.util.concurrent.ScheduledFuture<?>[] handshakeTimers() {
    return WheelScheduler.captured();
  }

  /** Inside {@link #handshake}: whether the session being opened starts on long-polling. */
  public static boolean handshakePolling() {
    return Boolean.TRUE.equals(POLLING.get());
  }

  /** Inside {@link #handshake}: the address of the session being opened; else null. */
  public static String handshakeAddress() {
    return HANDSHAKE.get();
  }

  /** The first value of header {@code name} (case-insensitive) in {@code headers}, or null. */
  public static String header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }
}
