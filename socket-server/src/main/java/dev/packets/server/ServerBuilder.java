package dev.packets.server;

import dev.packets.PacketRegistry;
import dev.packets.server.auth.AuthDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Configures a server; every limit has a safe default. */
public final class ServerBuilder {
  /** Acceptors and hooks that take longer than this on a read thread are logged. */
  public static final long SLOW_MILLIS = 100;

  private String host = "127.0.0.1";
  private int port = 8080;
  private PacketRegistry registry = PacketRegistry.of();
  private final Map<Class<?>, Acceptor<?>> acceptors = new LinkedHashMap<>();
  private final Map<String, String> resources = new LinkedHashMap<>();
  private boolean dehydrated = true;
  private boolean development;
  private Duration ackTimeout = Duration.ofSeconds(10);
  private Duration acceptorTimeout = Duration.ofSeconds(30);
  private Duration pingInterval = Duration.ofSeconds(25);
  private Duration pingTimeout = Duration.ofSeconds(20);
  private int maxPayloadBytes = 1 << 20;
  private double ratePerSecond = 200;
  private double rateBurst = 400;
  private int rateStrikes = 200;
  private int maxConnections = 10_000;
  private int maxConnectionsPerAddress = 64;
  private final java.util.Set<String> trustedProxies = new java.util.LinkedHashSet<>();
  private final java.util.Set<String> allowedOrigins = new java.util.LinkedHashSet<>();
  private boolean allowCredentials;
  private Duration authenticationTimeout = Duration.ofSeconds(10);
  private long outboundBudget;
  private int maxAttachments = 1;
  private int maxQueuedPackets = 64;
  private int maxAwaitingAcks = 1024;
  private ServerConfig.Recovery recovery;
  private ServerConfig.Tls tls;
  private int workerThreads = 64;
  private long minDataRate = 1024;
  private boolean bridgeJulToSlf4j;
  private final List<Hooks.Lifecycle> onStartFailed = new ArrayList<>();
  private final List<Hooks.Lifecycle> onStopped = new ArrayList<>();
  private java.util.concurrent.Executor acceptorExecutor;
  private boolean inlineReads = true;
  private boolean lane = true;
  private dev.packets.intercom.Intercom intercom;
  private final List<AuthDriver> authentication = new ArrayList<>();
  private Duration recheckInterval;
  private final Map<Class<?>, List<Guard<Object>>> guards = new LinkedHashMap<>();
  private final Map<Class<?>, List<OutboundGuard<Object>>> outboundGuards = new LinkedHashMap<>();
  private boolean denyUnguarded;
  private final List<PacketPlugin> plugins = new ArrayList<>();
  private final Set<Class<?>> pluginPackets = new LinkedHashSet<>();
  private Duration pluginStartTimeout = Duration.ofSeconds(30);
  private final List<Hooks.Connect> onConnect = new ArrayList<>();
  private final List<Hooks.Disconnect> onDisconnect = new ArrayList<>();
  private final List<Hooks.Received> onReceived = new ArrayList<>();
  private final List<Hooks.Responding> onResponding = new ArrayList<>();
  private final List<Hooks.Lifecycle> onStart = new ArrayList<>();
  private final List<Hooks.Lifecycle> onStop = new ArrayList<>();

  ServerBuilder() {}

  /** The address to bind; default 127.0.0.1 ({@code 0.0.0.0} for every interface). */
  public ServerBuilder host(String host) {
    this.host = host;
    return this;
  }

  /** The port; 0 picks a free one (see {@link PacketServer#port()}). Default 8080. */
  public ServerBuilder port(int port) {
    this.port = port;
    return this;
  }

  /** The server's packets (and the packets its plugins bring, added to them). */
  public ServerBuilder packets(PacketRegistry registry) {
    this.registry = registry.with(pluginPackets);
    return this;
  }

  /**
   * Adds a plugin: its packets join the registry and it installs what it brings here, now, so that its hooks come
   * after those added before it; the server starts it before listening and closes it after stopping ({@link
   * PacketPlugin}). Names must be unique.
   */
  public ServerBuilder plugin(PacketPlugin plugin) {
    for (PacketPlugin other : plugins) {
      if (other.name().equals(plugin.name())) {
        throw new IllegalArgumentException("two plugins named " + plugin.name());
      }
    }
    plugins.add(plugin);
    pluginPackets.addAll(plugin.packets());
    registry = registry.with(plugin.packets());
    plugin.install(this);
    return this;
  }

  /** How long the server's start waits for each plugin's start (default 30 s). */
  public ServerBuilder pluginStartTimeout(Duration timeout) {
    this.pluginStartTimeout = timeout;
    return this;
  }

  public <T> ServerBuilder accept(Class<T> type, Acceptor<? super T> acceptor) {
    if (!registry.contains(type)) {
      throw new IllegalArgumentException(type.getName() + " is not in the registry; call packets(...) first");
    }
    acceptors.put(type, acceptor);
    return this;
  }

  /**
   * Answers a {@link dev.packets.socketio.Request Request&lt;R&gt;} packet with an {@code R}: the compiler checks the
   * type, and so does the server for answers that come otherwise (a plain {@link Acceptor}, a responding hook).
   */
  public <R, T extends dev.packets.socketio.Request<R>> ServerBuilder answer(Class<T> type, Answering<T, R> acceptor) {
    return accept(type, acceptor);
  }

  /** As {@link #answer}, for an answer that comes later (a {@code CompletionStage} of an {@code R}). */
  public <R, T extends dev.packets.socketio.Request<R>> ServerBuilder answerLater(Class<T> type,
      Answering.Later<T, R> acceptor) {
    return accept(type, acceptor);
  }

  /** Whether clients may send {@code ("Name", json)} (default true). */
  public ServerBuilder dehydrated(boolean allowed) {
    this.dehydrated = allowed;
    return this;
  }

  /**
   * Puts the exception and its stack trace in 500 acks (default false: they say {@code internal error (id …)},
   * and the server logs the stack trace under that id).
   */
  public ServerBuilder development(boolean on) {
    this.development = on;
    return this;
  }

  /** How long {@link PacketSocket#send} waits for the client's response (default 10 s). */
  public ServerBuilder ackTimeout(Duration timeout) {
    this.ackTimeout = timeout;
    return this;
  }

  /**
   * How long an acceptor's CompletionStage may take (default 30 s): past it the sender gets
   * {@code {code: 504}} and the socket's next packets, which wait in arrival order, go on.
   */
  public ServerBuilder acceptorTimeout(Duration timeout) {
    this.acceptorTimeout = timeout;
    return this;
  }

  public ServerBuilder ping(Duration interval, Duration timeout) {
    this.pingInterval = interval;
    this.pingTimeout = timeout;
    return this;
  }

  /** The largest packet payload accepted (default 1 MiB); larger websocket frames close the connection. */
  public ServerBuilder maxPayloadBytes(int bytes) {
    this.maxPayloadBytes = bytes;
    return this;
  }

  /**
   * Per-socket rate limit: {@code perSecond} packets on average with bursts of {@code burst}; excess packets get
   * {@code {code: 429}}, and a socket over its limit {@code strikes} times in a row is disconnected. Default 200/s,
   * bursts of 400, 200 strikes.
   */
  public ServerBuilder rateLimit(double perSecond, double burst, int strikes) {
    this.ratePerSecond = perSecond;
    this.rateBurst = burst;
    this.rateStrikes = strikes;
    return this;
  }

  /** Handshakes beyond this many connected sockets are refused (default 10,000). */
  public ServerBuilder maxConnections(int max) {
    this.maxConnections = max;
    return this;
  }

  /**
   * Engine.io sessions (connected or still in their handshake) from one client address beyond this are refused
   * with 503 (default 64). The address is the TCP peer, or the last {@code X-Forwarded-For} entry that a
   * {@linkplain #trustedProxies trusted proxy} added.
   */
  public ServerBuilder maxConnectionsPerAddress(int max) {
    this.maxConnectionsPerAddress = max;
    return this;
  }

  /**
   * The proxies (IP addresses) whose {@code X-Forwarded-For} the server believes; from anyone else the header is
   * ignored. Default none.
   */
  public ServerBuilder trustedProxies(String... addresses) {
    trustedProxies.addAll(List.of(addresses));
    return this;
  }

  /**
   * The origins whose pages may connect (e.g. {@code https://game.example}); requests from other origins get 403
   * on both transports. By default only the server's own origin (a page it served) and requests without an
   * {@code Origin} header (clients that are not browsers).
   */
  public ServerBuilder allowedOrigins(String... origins) {
    allowedOrigins.addAll(List.of(origins));
    return this;
  }

  /**
   * Whether long-polling answers to an allowed other origin carry {@code Access-Control-Allow-Credentials: true},
   * letting that page's requests carry the user's cookies (default false).
   */
  public ServerBuilder allowCredentials(boolean allow) {
    this.allowCredentials = allow;
    return this;
  }

  /** How long authentication and the connect hooks may take before the connection is refused (default 10 s). */
  public ServerBuilder authenticationTimeout(Duration timeout) {
    this.authenticationTimeout = timeout;
    return this;
  }

  /**
   * Bytes that may wait to be written to one socket (queued, or in flight to a client that reads slowly); a send
   * past it closes the socket (1008 on a websocket) and is counted in {@link ServerMetrics#outboundOverflows()}.
   * Default 4 × {@link #maxPayloadBytes}, at least 64 KiB.
   */
  public ServerBuilder outboundBudget(long bytes) {
    this.outboundBudget = bytes;
    return this;
  }

  /**
   * Sessions survive a reconnect, as in Socket.IO's connection state recovery, with {@link
   * ServerConfig.Recovery#DEFAULT}'s limits: a socket whose connection breaks (not one that says goodbye, nor one
   * the server closes) keeps its id, principal, attributes and rooms for two minutes, and the pushes sent to it
   * meanwhile (1,000 and 1 MiB at most) are sent again, in order and once each, when it comes back — to this node,
   * or to another that shares the intercom. Every push then carries its offset as its last argument.
   */
  public ServerBuilder recovery() {
    return recovery(ServerConfig.Recovery.DEFAULT);
  }

  /** Sessions survive a reconnect within these limits (null: they do not, the default). */
  public ServerBuilder recovery(ServerConfig.Recovery limits) {
    this.recovery = limits;
    return this;
  }

  /**
   * Serves https and wss directly: {@code certificates} holds the server's certificate then its chain, {@code key}
   * its private key (PKCS#8, unencrypted: {@code -----BEGIN PRIVATE KEY-----}), both PEM as Let's Encrypt and
   * openssl write them. TLS 1.2 and 1.3 only. The files are looked at every 10 s and reloaded when they change;
   * open connections keep theirs. Nothing listens on plain http then.
   */
  public ServerBuilder tls(Path certificates, Path key) {
    return tls(ServerConfig.Tls.pem(certificates, key));
  }

  /** Serves https and wss from a PKCS#12 key store (the password is kept to reload it when it changes). */
  public ServerBuilder tlsPkcs12(Path keystore, char[] password) {
    return tls(ServerConfig.Tls.pkcs12(keystore, password));
  }

  /** Serves https and wss as {@code tls} says (null: plain http, the default). */
  public ServerBuilder tls(ServerConfig.Tls tls) {
    this.tls = tls;
    return this;
  }

  /**
   * Most binary attachments a Socket.IO event or ack may announce (default 1: a packet has exactly one); a frame
   * announcing more closes its connection before the library buffers anything.
   */
  public ServerBuilder maxAttachments(int max) {
    this.maxAttachments = max;
    return this;
  }

  /**
   * Most packets one socket may have waiting in its lane (default 64; 16 before it is admitted); more are answered
   * {@code {code: 503}} without being decoded.
   */
  public ServerBuilder maxQueuedPackets(int max) {
    this.maxQueuedPackets = max;
    return this;
  }

  /** Threads that run hooks and the acceptors of queued or slow packets (default 64). */
  public ServerBuilder workerThreads(int threads) {
    this.workerThreads = threads;
    return this;
  }

  /**
   * The slowest a client may send a request body or read an answer over HTTP, in bytes a second (default 1,024):
   * slower ones are dropped.
   */
  public ServerBuilder minDataRate(long bytesPerSecond) {
    this.minDataRate = bytesPerSecond;
    return this;
  }

  /**
   * Whether {@code start()} routes java.util.logging (the Socket.IO library's) to SLF4J, replacing the root
   * logger's handlers (default false: a library does not rewire logging unasked).
   */
  public ServerBuilder bridgeJulToSlf4j(boolean on) {
    this.bridgeJulToSlf4j = on;
    return this;
  }

  /** Called when {@code start()} fails (the port is taken…), before it throws. */
  public ServerBuilder onStartFailed(Hooks.Lifecycle hook) {
    onStartFailed.add(hook);
    return this;
  }

  /** Called once the server has stopped. */
  public ServerBuilder onStopped(Hooks.Lifecycle hook) {
    onStopped.add(hook);
    return this;
  }

  /** Serves class path folder {@code dir} at {@code urlPrefix} (e.g. {@code "/game"}). */
  public ServerBuilder resources(String urlPrefix, String dir) {
    resources.put(urlPrefix, dir);
    return this;
  }

  /**
   * Where acceptors run. By default a packet that finds its socket idle runs at once on the connection's read
   * thread (one socket's packets are handled one after another anyway), queued packets run on a shared pool, and
   * so do the packets of a type whose acceptor once took over {@value #SLOW_MILLIS} ms on a read thread. An
   * acceptor with slow work should return a CompletionStage instead, or name an executor here to run every
   * packet there.
   */
  public ServerBuilder acceptorExecutor(java.util.concurrent.Executor executor) {
    this.acceptorExecutor = executor;
    return this;
  }

  /**
   * Whether websocket connections are read on the selector thread that found them readable (default true), as
   * Node's event loop does: half the CPU per packet and none of the thread hand-offs (docs/benchmarks.md). The
   * rule that comes with it: acceptors and hooks must not block, since a blocked one holds up every connection of
   * its selector (the server logs a warning when one takes over {@value #SLOW_MILLIS} ms). Return a
   * CompletionStage, set an {@link #acceptorExecutor}, or turn this off to have Jetty hand every read to a pooled
   * thread.
   */
  public ServerBuilder inlineReads(boolean on) {
    this.inlineReads = on;
    return this;
  }

  /**
   * Whether the packets lane is served (default true): our own clients' plain websocket at {@code /packets/lane},
   * one frame per packet (docs/wire-format.md), beside Socket.IO, which flecks' clients keep speaking. Turned off,
   * its upgrade is answered 404 and the Java client and packets-js connect through Socket.IO instead.
   */
  public ServerBuilder lane(boolean on) {
    this.lane = on;
    return this;
  }

  /** The intercom this node asks the others through; acceptors reach it as {@code socket.intercom()}. */
  public ServerBuilder intercom(dev.packets.intercom.Intercom intercom) {
    this.intercom = intercom;
    return this;
  }

  /**
   * Adds an authentication step that decides every client it sees: its principal (or none) is the socket's, and a
   * {@code PacketError} it throws refuses the client. Steps chain in the order added (see {@link
   * #authenticate(AuthDriver)}); nothing after this one runs, so add it last.
   */
  public ServerBuilder authenticate(Hooks.Authenticator authenticator) {
    return authenticate(Authentication.of(authenticator));
  }

  /**
   * Adds an authentication driver ({@code JwtDriver}, {@code ApiKeyDriver}, {@code AnonymousDriver}, or one's own):
   * drivers chain in the order added, and the first that recognises a client's credentials decides; a client that
   * none recognises is refused (401). What the deciding driver admits is the socket's principal, and its client data
   * goes to the client in {@code packets:ready} ({@code client.session()}). Admitted principals are checked again
   * every {@link #recheckEvery} (a token past its expiry, a revoked key): one that no longer holds closes its socket
   * with the driver's reason ({@code packets:close {reason: "token expired"}}).
   */
  public ServerBuilder authenticate(AuthDriver driver) {
    authentication.add(driver);
    return this;
  }

  /**
   * Checks every {@code packet} type packet with {@code guard} before its acceptor's {@code validate}: a reason
   * refuses it with 403 and that reason. Guards of one type run in the order added; all must allow.
   */
  @SuppressWarnings("unchecked")
  public <T> ServerBuilder guard(Class<T> packet, Guard<? super T> guard) {
    guards.computeIfAbsent(packet, k -> new ArrayList<>()).add((Guard<Object>) guard);
    return this;
  }

  /**
   * Lets through packets of type {@code packet} only from principals ({@code dev.packets.server.auth.Principal})
   * with one of {@code roles}; others get 403 ({@code Kick needs the role moderator or admin}).
   */
  public ServerBuilder requireRoles(Class<?> packet, String... roles) {
    String name = packet.getSimpleName();
    guards.computeIfAbsent(packet, k -> new ArrayList<>()).add(Permissions.roles(Set.of(roles), name));
    return this;
  }

  /**
   * Refuses (403) every packet whose type has no {@link #guard} or {@link #requireRoles} rule: for servers where
   * forgetting a rule must not open a door. By default a packet without a rule is allowed.
   */
  public ServerBuilder denyUnguarded() {
    this.denyUnguarded = true;
    return this;
  }

  /**
   * Decides, per recipient, what a push of a {@code packet} type packet delivers: the packet, another (with less in
   * it), or nothing ({@link OutboundGuard}).
   */
  @SuppressWarnings("unchecked")
  public <T> ServerBuilder guardOutbound(Class<T> packet, OutboundGuard<T> guard) {
    outboundGuards.computeIfAbsent(packet, k -> new ArrayList<>()).add((OutboundGuard<Object>) guard);
    return this;
  }

  /** How often admitted principals are checked again (default: every ping interval). */
  public ServerBuilder recheckEvery(Duration interval) {
    this.recheckInterval = interval;
    return this;
  }

  public ServerBuilder onConnect(Hooks.Connect hook) {
    onConnect.add(hook);
    return this;
  }

  public ServerBuilder onDisconnect(Hooks.Disconnect hook) {
    onDisconnect.add(hook);
    return this;
  }

  public ServerBuilder onReceived(Hooks.Received hook) {
    onReceived.add(hook);
    return this;
  }

  public ServerBuilder onResponding(Hooks.Responding hook) {
    onResponding.add(hook);
    return this;
  }

  public ServerBuilder onStart(Hooks.Lifecycle hook) {
    onStart.add(hook);
    return this;
  }

  public ServerBuilder onStop(Hooks.Lifecycle hook) {
    onStop.add(hook);
    return this;
  }

  /** Checks every setting and fixes them in a {@link ServerConfig}: the server never sees this builder again. */
  public PacketServer build() {
    return new PacketServer(config());
  }

  /** The configuration as set so far, checked. */
  public ServerConfig config() {
    check(port >= 0 && port <= 65_535, "port", port, "0 to 65535");
    check(maxPayloadBytes > 0, "maxPayloadBytes", maxPayloadBytes, "positive");
    check(ratePerSecond > 0 && rateBurst >= 1 && rateStrikes > 0, "rateLimit",
        ratePerSecond + "/s, burst " + rateBurst + ", " + rateStrikes + " strikes", "positive, burst at least 1");
    check(maxConnections > 0, "maxConnections", maxConnections, "positive");
    check(maxConnectionsPerAddress > 0, "maxConnectionsPerAddress", maxConnectionsPerAddress, "positive");
    check(outboundBudget >= 0, "outboundBudget", outboundBudget, "positive (0: the default)");
    check(maxAttachments >= 1, "maxAttachments", maxAttachments, "at least 1 (a packet has one)");
    check(maxQueuedPackets > 0, "maxQueuedPackets", maxQueuedPackets, "positive");
    check(maxAwaitingAcks > 0, "maxAwaitingAcks", maxAwaitingAcks, "positive");
    check(workerThreads > 0, "workerThreads", workerThreads, "positive");
    check(minDataRate >= 0, "minDataRate", minDataRate, "0 or more");
    if (recovery != null) {
      check(!recovery.maxDisconnection().isNegative() && !recovery.maxDisconnection().isZero(),
          "recovery.maxDisconnection", recovery.maxDisconnection(), "positive");
      check(recovery.maxPackets() > 0, "recovery.maxPackets", recovery.maxPackets(), "positive");
      check(recovery.maxBytes() > 0, "recovery.maxBytes", recovery.maxBytes(), "positive");
      check(recovery.maxParked() > 0, "recovery.maxParked", recovery.maxParked(), "positive");
      check(recovery.maxParkedBytes() > 0, "recovery.maxParkedBytes", recovery.maxParkedBytes(), "positive");
    }
    for (Duration d : List.of(ackTimeout, acceptorTimeout, pingInterval, pingTimeout, authenticationTimeout)) {
      check(!d.isNegative() && !d.isZero(), "a timeout", d, "positive");
    }
    long budget = outboundBudget > 0 ? outboundBudget : Math.max(64 * 1024, 4L * maxPayloadBytes);
    return new ServerConfig(host, port, registry, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(acceptors)),
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resources)), dehydrated, development, intercom,
        ackTimeout, acceptorTimeout, pingInterval, pingTimeout, authenticationTimeout, minDataRate,
        maxPayloadBytes, ratePerSecond, rateBurst, rateStrikes, maxAttachments, maxQueuedPackets,
        maxConnections, maxConnectionsPerAddress, java.util.Set.copyOf(trustedProxies),
        java.util.Set.copyOf(allowedOrigins), allowCredentials,
        budget, maxAwaitingAcks, recovery, tls,
        workerThreads, acceptorExecutor, inlineReads, bridgeJulToSlf4j, lane,
        List.copyOf(authentication), recheckInterval == null ? pingInterval : recheckInterval, copy(guards),
        copy(outboundGuards), denyUnguarded, List.copyOf(plugins), pluginStartTimeout, List.copyOf(onConnect), List.copyOf(onDisconnect), List.copyOf(onReceived),
        List.copyOf(onResponding), List.copyOf(onStart), List.copyOf(onStop), List.copyOf(onStartFailed),
        List.copyOf(onStopped));
  }

  private static void check(boolean ok, String setting, Object value, String allowed) {
    if (!ok) {
      throw new IllegalArgumentException(setting + " is " + value + "; it must be " + allowed);
    }
  }

  private static <V> Map<Class<?>, List<V>> copy(Map<Class<?>, List<V>> rules) {
    Map<Class<?>, List<V>> copy = new LinkedHashMap<>();
    rules.forEach((type, list) -> copy.put(type, List.copyOf(list)));
    return Collections.unmodifiableMap(copy);
  }
}
