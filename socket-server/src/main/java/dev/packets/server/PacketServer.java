package dev.packets.server;

import dev.packets.PacketRegistry;
import dev.packets.codec.Json;
import dev.packets.server.engine.BinaryHeader;
import dev.packets.server.engine.EngineFrames;
import dev.packets.server.engine.FastLane;
import dev.packets.server.engine.FrameWriter;
import dev.packets.server.engine.InlineConnector;
import dev.packets.server.engine.WheelScheduler;
import dev.packets.server.http.ResourceServlet;
import dev.packets.server.http.TextServlet;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Serves packets over Socket.IO on embedded Jetty. A packet is a binary event whose name is its numeric id and whose
 * one attachment is its payload (flecks' wire); clients without the codec may send {@code ("Name", json)}. Each
 * packet runs through its {@link Acceptor}, and the sender's ack gets {@code [null, response]},
 * {@code [null, <payload>, id]} when the response is itself a packet, or {@code [{code, reason}]}.
 *
 * <pre>{@code
 * PacketServer server = PacketServer.builder()
 *     .port(8080)
 *     .packets(PacketRegistry.of(Move.class))
 *     .accept(Move.class, Acceptor.responding((move, socket) -> "ok"))
 *     .build()
 *     .start();
 * }</pre>
 */
public final class PacketServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PacketServer.class);
  /** The event that tells a client why the server closes its socket. */
  public static final String CLOSE_EVENT = "packets:close";
  /** The event that tells a client its connection passed authentication and the connect hooks. */
  public static final String READY_EVENT = "packets:ready";
  /** The event that tells a client why its connection was refused, before the server disconnects it. */
  public static final String REFUSED_EVENT = "packets:refused";

  /**
   * The Socket.IO library logs a warning with a stack trace for every malformed frame it parses: a client could
   * flood the log. Its parser's warnings are kept to errors (held here so the setting is not collected).
   */
  private static final java.util.logging.Logger LIBRARY_PARSER = quiet("io.socket.socketio.server.parser");

  private final Builder config;
  private final PacketRegistry registry;
  private final Map<String, PacketSocket> sockets = new ConcurrentHashMap<>();
  /** Connected sockets (admitted or still in their connect hooks) by engine.io session id, for the hot path. */
  private final Map<String, PacketSocket> bySession = new ConcurrentHashMap<>();
  /** The websocket each engine.io session is carried on, for writing packets past the library. */
  private final Map<String, FrameWriter> writers = new ConcurrentHashMap<>();
  /** The peer address of each engine.io session, from its websocket or its polling requests. */
  private final Map<String, String> addresses = new ConcurrentHashMap<>();
  private final ServerMetrics metrics = new ServerMetrics();
  /** Packets that came the hot way, past the library's parser (for tests that check the path is taken). */
  private final java.util.concurrent.atomic.LongAdder hotPackets = new java.util.concurrent.atomic.LongAdder();
  private final ExecutorService workers;
  private final Inbound inbound;
  private Server jetty;
  private EngineIoServer engine;
  private volatile boolean closing;

  private PacketServer(Builder config) {
    this.config = config;
    this.registry = config.registry;
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "packets-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.inbound = new Inbound(this, config, metrics, workers);
  }

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.SEVERE);
    return logger;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts listening; fails (and releases everything) when the port cannot be bound. */
  public synchronized PacketServer start() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
    EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
    options.setPingInterval(config.pingInterval.toMillis());
    options.setPingTimeout(config.pingTimeout.toMillis());
    options.setAllowedCorsOrigins(EngineIoServerOptions.ALLOWED_CORS_ORIGIN_ALL);
    options.setHandshakeInterceptor((query, headers) -> !closing && metrics.connections() < config.maxConnections);
    options.setScheduledExecutorService(new WheelScheduler(10, workers, r -> {
      Thread t = new Thread(r, "packets-timer");
      t.setDaemon(true);
      return t;
    }));
    engine = new EngineIoServer(options);
    SocketIoServer io = new SocketIoServer(engine);
    SocketIoNamespace namespace = io.namespace("/");
    namespace.on("connection", args -> onConnection((SocketIoSocket) args[0]));

    QueuedThreadPool pool = new QueuedThreadPool();
    pool.setName("packets-jetty");
    // no reserved threads: when reads are handed off (HTTP, or inlineReads off), the selector hands each ready
    // connection to a pooled thread instead of waking a reserved one to take over selecting: ~10% less CPU per ack
    pool.setReservedThreads(0);
    jetty = new Server(pool);
    ServerConnector connector = config.inlineReads ? new InlineConnector(jetty) : new ServerConnector(jetty);
    connector.setHost(config.host);
    connector.setPort(config.port);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    ServletHolder polling = new ServletHolder(new HttpServlet() {
      private static final long serialVersionUID = 1L;

      @Override
      protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        engine.handleRequest(request, response);
        String sid = request.getParameter("sid");
        if (sid != null && bySession.containsKey(sid)) {
          addresses.putIfAbsent(sid, request.getRemoteAddr());
        }
      }
    });
    polling.setAsyncSupported(true);
    context.addServlet(polling, "/socket.io/*");
    context.addServlet(new ServletHolder(new TextServlet(() -> Json.write(health(), false), "application/json")),
        "/health");
    context.addServlet(new ServletHolder(new TextServlet(() -> Json.write(registry.table(), false),
        "application/json")), "/packets/schema.json");
    context.addServlet(new ServletHolder(new ResourceServlet("dev/packets/js")), "/packets/*");
    config.resources.forEach((prefix, dir) ->
        context.addServlet(new ServletHolder(new ResourceServlet(dir)), prefix + "/*"));
    int maxMessage = config.maxPayloadBytes + 64 * 1024;
    Duration idle = config.pingInterval.plus(config.pingTimeout).plusSeconds(5);
    var upgrades = EngineFrames.upgrades(engine, maxMessage, idle, new HotLane());
    upgrades.setHandler(context);
    jetty.setHandler(upgrades);
    try {
      jetty.start();
    } catch (Exception e) {
      stopQuietly();
      throw new IllegalStateException("cannot start on " + config.host + ":" + config.port + ": " + e.getMessage(), e);
    }
    LOG.info("packets server listening on http://{}:{}/ ({} packets, fingerprint {})", config.host, port(),
        registry.size(), registry.fingerprint());
    config.onStart.forEach(h -> h.on(this));
    return this;
  }

  /** The port the server listens on (the ephemeral one when built with port 0). */
  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  public PacketRegistry registry() {
    return registry;
  }

  /** The node's intercom, or null. */
  public dev.packets.intercom.Intercom intercom() {
    return config.intercom;
  }

  public ServerMetrics metrics() {
    return metrics;
  }

  /** The connected sockets. */
  public List<PacketSocket> sockets() {
    return List.copyOf(sockets.values());
  }

  /**
   * Sends a packet to every connected socket, asking for no response; it is encoded once for all of them.
   *
   * @throws dev.packets.EncodeException if the packet cannot be encoded (nothing is sent)
   */
  public void broadcast(Object packet) {
    pushAll(sockets.values(), packet);
  }

  /** Encodes a packet once and pushes the same bytes to every target; fails at once if it cannot be encoded. */
  private void pushAll(Iterable<PacketSocket> targets, Object packet) {
    byte[] payload = registry.encode(packet);
    int id = registry.id(packet.getClass());
    String header = BinaryHeader.push(id);
    for (PacketSocket socket : targets) {
      push(socket, id, header, payload);
    }
  }

  /** Writes an encoded packet to a socket, asking for no response: straight onto its websocket when it has one. */
  private void push(PacketSocket socket, int id, String header, byte[] payload) {
    metrics.packetsOut.increment();
    metrics.bytesOut.add(payload.length);
    FrameWriter out = writers.get(socket.session());
    synchronized (socket) {
      if (out != null) {
        out.binary(header, payload);
      } else {
        socket.raw().send(String.valueOf(id), payload);
      }
    }
  }

  /** The sockets in a room. */
  public Room to(String room) {
    return new Room(room);
  }

  /** The sockets that joined one room. */
  public final class Room {
    private final String name;

    private Room(String name) {
      this.name = name;
    }

    public List<PacketSocket> sockets() {
      return PacketServer.this.sockets.values().stream().filter(s -> s.in(name)).toList();
    }

    /** Sends a packet to every socket in the room, asking for no response; encoded once, as {@link #broadcast}. */
    public void send(Object packet) {
      pushAll(sockets(), packet);
    }
  }

  private Map<String, Object> health() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", closing ? "closing" : "up");
    out.put("fingerprint", registry.fingerprint());
    out.putAll(metrics.snapshot());
    return out;
  }

  // ---- connections

  private void onConnection(SocketIoSocket raw) {
    Object auth;
    try {
      auth = JsonBridge.toJava(raw.getConnectData(), 0);
    } catch (IllegalArgumentException e) {
      auth = null;
    }
    PacketSocket socket = new PacketSocket(this, raw, auth);
    Lane lane = new Lane(new TokenBucket(config.ratePerSecond, config.rateBurst));
    socket.lane = lane;
    bySession.put(socket.session(), socket);
    raw.registerAllEventListener((event, args) -> inbound.onEvent(socket, event, args));
    raw.on("disconnect", args -> onDisconnect(socket, args.length > 0 ? String.valueOf(args[0]) : "unknown"));
    if (config.authenticator == null && config.onConnect.isEmpty()) {
      admit(socket);
      return;
    }
    // hooks may block (a token checked against a database): they run on the worker pool, and packets that come
    // meanwhile wait in the socket's lane until the hooks let the socket in
    CompletableFuture<Void> admitted = new CompletableFuture<>();
    lane.tail = admitted;
    Object payload = auth;
    workers.execute(() -> {
      try {
        if (config.authenticator != null) {
          socket.principal(config.authenticator.authenticate(payload, socket.headers()));
        }
        for (Hooks.Connect hook : config.onConnect) {
          hook.connected(socket);
        }
      } catch (Refusal refusal) {
        LOG.info("refused socket {}: {}", raw.getId(), refusal.getMessage());
        metrics.refused.increment();
        synchronized (socket) {
          raw.send(REFUSED_EVENT, new JSONObject().put("reason", refusal.getMessage()));
        }
        raw.disconnect(true);
        admitted.completeExceptionally(refusal);
        return;
      } catch (RuntimeException e) {
        LOG.warn("connect hook failed for socket {}", raw.getId(), e);
        raw.disconnect(true);
        admitted.completeExceptionally(e);
        return;
      }
      admit(socket);
      admitted.complete(null);
    });
  }

  /** Counts a socket in, lets its packets take the hot path, and tells its client it is ready. */
  private void admit(PacketSocket socket) {
    synchronized (socket) {
      if (socket.gone) {
        return;
      }
      sockets.put(socket.id(), socket);
      metrics.connections.incrementAndGet();
      metrics.connectionsTotal.increment();
      socket.raw().send(READY_EVENT, new JSONObject().put("fingerprint", registry.fingerprint()));
    }
  }

  private void onDisconnect(PacketSocket socket, String reason) {
    boolean admitted;
    synchronized (socket) {
      socket.gone = true;
      admitted = sockets.remove(socket.id()) != null;
    }
    socket.lane = null;
    bySession.remove(socket.session(), socket);
    addresses.remove(socket.session());
    if (admitted) {
      metrics.connections.decrementAndGet();
      if (!config.onDisconnect.isEmpty()) {
        // like connect hooks, these may block (saving a player's state): not on the read thread
        workers.execute(() -> {
          for (Hooks.Disconnect hook : config.onDisconnect) {
            try {
              hook.disconnected(socket, reason);
            } catch (RuntimeException e) {
              LOG.warn("disconnect hook failed", e);
            }
          }
        });
      }
    }
  }

  void close(PacketSocket socket, String reason) {
    synchronized (socket) {
      socket.raw().send(CLOSE_EVENT, new JSONObject().put("reason", reason));
    }
    socket.raw().disconnect(true);
  }

  /** How many packets came the hot way (see {@link FastLane}). */
  long hotPackets() {
    return hotPackets.sum();
  }

  /** The peer address of engine.io session {@code sid}, or null. */
  String remoteAddress(String sid) {
    return addresses.get(sid);
  }

  // ---- packets in

  /** Packets that came the hot way (see {@link FastLane}): the same handling as the library's events. */
  private final class HotLane implements FastLane {
    @Override
    public boolean ready(String sid) {
      return bySession.containsKey(sid);
    }

    @Override
    public void packet(String sid, int packetId, int ackId, byte[] payload, FrameWriter out) {
      PacketSocket socket = bySession.get(sid);
      if (socket == null) {
        return;
      }
      hotPackets.increment();
      try {
        inbound.onPacket(socket, packetId, payload, ackId < 0 ? null : new FastAck(socket.raw(), ackId, out));
      } catch (RuntimeException e) {
        LOG.warn("packet from socket {} failed", socket.id(), e);
      }
    }

    @Override
    public void opened(String sid, FrameWriter out, String remoteAddress) {
      writers.put(sid, out);
      addresses.put(sid, remoteAddress);
    }

    @Override
    public void closed(String sid, FrameWriter out) {
      writers.remove(sid, out);
    }
  }

  // ---- packets out

  /** Pushes one packet to one socket; an unencodable packet fails here, in the caller's hands. */
  void push(PacketSocket socket, Object packet) {
    byte[] payload = registry.encode(packet);
    int id = registry.id(packet.getClass());
    push(socket, id, BinaryHeader.push(id), payload);
  }

  /** Sends a packet and waits for the client's response (its ack), up to the ack timeout. */
  CompletableFuture<Object> send(PacketSocket socket, Object packet) {
    byte[] payload;
    int id;
    try {
      payload = registry.encode(packet);
      id = registry.id(packet.getClass());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    metrics.packetsOut.increment();
    metrics.bytesOut.add(payload.length);
    CompletableFuture<Object> response = new CompletableFuture<>();
    synchronized (socket) {
      socket.raw().send(String.valueOf(id), new Object[] {payload}, args -> response.complete(answer(args)));
    }
    return response.orTimeout(config.ackTimeout.toMillis(), TimeUnit.MILLISECONDS).handle((value, error) -> {
      if (error == null) {
        if (value instanceof PacketError e) {
          throw e;
        }
        return value;
      }
      Throwable cause = Inbound.unwrap(error);
      throw cause instanceof TimeoutException
          ? new PacketError(408, "no response to " + registry.name(id) + " within " + config.ackTimeout.toMillis() + " ms")
          : new java.util.concurrent.CompletionException(cause);
    });
  }

  /** A client's ack: {@code [null, value]}, {@code [null, payload, id]} or {@code [{code, reason}]}. */
  private Object answer(Object[] args) {
    if (args.length > 0 && args[0] instanceof JSONObject error) {
      return new PacketError(error.optInt("code", 500), error.optString("reason", "error"));
    }
    if (args.length >= 3 && args[1] instanceof byte[] payload && args[2] instanceof Number id) {
      return registry.decode(id.intValue(), payload);
    }
    return args.length > 1 ? JsonBridge.toJava(args[1], 0) : null;
  }

  // ---- shutdown

  /** Stops accepting, tells connected clients, finishes the packets in flight (up to five seconds), then stops. */
  @Override
  public synchronized void close() {
    if (jetty == null || closing) {
      return;
    }
    closing = true;
    config.onStop.forEach(h -> h.on(this));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (inbound.inFlight() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (PacketSocket socket : sockets.values()) {
      try {
        close(socket, "server shutting down");
      } catch (RuntimeException e) {
        // the socket went away meanwhile
      }
    }
    stopQuietly();
    LOG.info("packets server stopped");
  }

  private void stopQuietly() {
    try {
      if (engine != null) {
        engine.shutdown();
        engine.getScheduledExecutor().shutdown();
      }
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("error while stopping", e);
    }
    workers.shutdownNow();
  }

  /** Configures a server; every limit has a safe default. */
  public static final class Builder {
    /** Acceptors and hooks that take longer than this on a read thread are logged. */
    public static final long SLOW_MILLIS = 100;

    String host = "127.0.0.1";
    int port = 8080;
    PacketRegistry registry = PacketRegistry.of();
    final Map<Class<?>, Acceptor<?>> acceptors = new LinkedHashMap<>();
    final Map<String, String> resources = new LinkedHashMap<>();
    boolean dehydrated = true;
    boolean development;
    Duration ackTimeout = Duration.ofSeconds(10);
    Duration acceptorTimeout = Duration.ofSeconds(30);
    Duration pingInterval = Duration.ofSeconds(25);
    Duration pingTimeout = Duration.ofSeconds(20);
    int maxPayloadBytes = 1 << 20;
    double ratePerSecond = 200;
    double rateBurst = 400;
    int rateStrikes = 200;
    int maxConnections = 10_000;
    java.util.concurrent.Executor acceptorExecutor;
    boolean inlineReads = true;
    dev.packets.intercom.Intercom intercom;
    Hooks.Authenticator authenticator;
    final List<Hooks.Connect> onConnect = new ArrayList<>();
    final List<Hooks.Disconnect> onDisconnect = new ArrayList<>();
    final List<Hooks.Received> onReceived = new ArrayList<>();
    final List<Hooks.Responding> onResponding = new ArrayList<>();
    final List<Hooks.Lifecycle> onStart = new ArrayList<>();
    final List<Hooks.Lifecycle> onStop = new ArrayList<>();

    private Builder() {}

    /** The address to bind; default 127.0.0.1 ({@code 0.0.0.0} for every interface). */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The port; 0 picks a free one (see {@link PacketServer#port()}). Default 8080. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder packets(PacketRegistry registry) {
      this.registry = registry;
      return this;
    }

    public <T> Builder accept(Class<T> type, Acceptor<? super T> acceptor) {
      if (!registry.contains(type)) {
        throw new IllegalArgumentException(type.getName() + " is not in the registry; call packets(...) first");
      }
      acceptors.put(type, acceptor);
      return this;
    }

    /** Whether clients may send {@code ("Name", json)} (default true). */
    public Builder dehydrated(boolean allowed) {
      this.dehydrated = allowed;
      return this;
    }

    /** Puts stack traces in 500 acks (default false). */
    public Builder development(boolean on) {
      this.development = on;
      return this;
    }

    /** How long {@link PacketSocket#send} waits for the client's response (default 10 s). */
    public Builder ackTimeout(Duration timeout) {
      this.ackTimeout = timeout;
      return this;
    }

    /**
     * How long an acceptor's CompletionStage may take (default 30 s): past it the sender gets
     * {@code {code: 504}} and the socket's next packets, which wait in arrival order, go on.
     */
    public Builder acceptorTimeout(Duration timeout) {
      this.acceptorTimeout = timeout;
      return this;
    }

    public Builder ping(Duration interval, Duration timeout) {
      this.pingInterval = interval;
      this.pingTimeout = timeout;
      return this;
    }

    /** The largest packet payload accepted (default 1 MiB); larger websocket frames close the connection. */
    public Builder maxPayloadBytes(int bytes) {
      this.maxPayloadBytes = bytes;
      return this;
    }

    /**
     * Per-socket rate limit: {@code perSecond} packets on average with bursts of {@code burst}; excess packets get
     * {@code {code: 429}}, and a socket over its limit {@code strikes} times in a row is disconnected. Default 200/s,
     * bursts of 400, 200 strikes.
     */
    public Builder rateLimit(double perSecond, double burst, int strikes) {
      this.ratePerSecond = perSecond;
      this.rateBurst = burst;
      this.rateStrikes = strikes;
      return this;
    }

    /** Handshakes beyond this many connected sockets are refused (default 10,000). */
    public Builder maxConnections(int max) {
      this.maxConnections = max;
      return this;
    }

    /** Serves class path folder {@code dir} at {@code urlPrefix} (e.g. {@code "/game"}). */
    public Builder resources(String urlPrefix, String dir) {
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
    public Builder acceptorExecutor(java.util.concurrent.Executor executor) {
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
    public Builder inlineReads(boolean on) {
      this.inlineReads = on;
      return this;
    }

    /** The intercom this node asks the others through; acceptors reach it as {@code socket.intercom()}. */
    public Builder intercom(dev.packets.intercom.Intercom intercom) {
      this.intercom = intercom;
      return this;
    }

    public Builder authenticate(Hooks.Authenticator authenticator) {
      this.authenticator = authenticator;
      return this;
    }

    public Builder onConnect(Hooks.Connect hook) {
      onConnect.add(hook);
      return this;
    }

    public Builder onDisconnect(Hooks.Disconnect hook) {
      onDisconnect.add(hook);
      return this;
    }

    public Builder onReceived(Hooks.Received hook) {
      onReceived.add(hook);
      return this;
    }

    public Builder onResponding(Hooks.Responding hook) {
      onResponding.add(hook);
      return this;
    }

    public Builder onStart(Hooks.Lifecycle hook) {
      onStart.add(hook);
      return this;
    }

    public Builder onStop(Hooks.Lifecycle hook) {
      onStop.add(hook);
      return this;
    }

    public PacketServer build() {
      return new PacketServer(this);
    }
  }
}
