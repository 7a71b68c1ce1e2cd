package dev.packets.server;

import dev.packets.socketio.Frames;
import dev.packets.socketio.PacketError;
import dev.packets.socketio.JsonBridge;
import dev.packets.PacketRegistry;
import dev.packets.codec.Json;
import dev.packets.server.engine.EngineFrames;
import dev.packets.server.engine.FastLane;
import dev.packets.server.engine.FrameMeter;
import dev.packets.server.engine.FrameWriter;
import dev.packets.server.engine.Gate;
import dev.packets.server.engine.InlineConnector;
import dev.packets.server.engine.PollingServlet;
import dev.packets.server.engine.TokenBucket;
import dev.packets.server.engine.WheelScheduler;
import dev.packets.server.http.ResourceServlet;
import dev.packets.server.http.TextServlet;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.Packet;
import io.socket.socketio.server.parser.Parser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.json.JSONArray;
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
  static final Logger LOG = LoggerFactory.getLogger(PacketServer.class);
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
  /** The client address of each engine.io session, as the {@link Gate} saw it at the handshake. */
  private final Map<String, String> addresses = new ConcurrentHashMap<>();
  private final Gate gate;
  /** Where mailboxes drain: a small pool, since websocket writes only queue frames. */
  private final ExecutorService outbound;
  private PollingServlet polling;
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
    this.workers = pool("packets-worker-", config.workerThreads, 10_000);
    this.outbound = pool("packets-out-", Math.max(4, 4 * Runtime.getRuntime().availableProcessors()),
        Integer.MAX_VALUE);
    this.gate = new Gate(config.allowedOrigins, config.trustedProxies, config.maxConnections,
        config.maxConnectionsPerAddress);
    this.inbound = new Inbound(this, config, metrics, workers);
  }

  /** A bounded pool of daemon threads (idle ones end after a minute) with a bounded queue. */
  private static ExecutorService pool(String name, int threads, int queue) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(queue), r -> {
          Thread t = new Thread(r, name + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
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
    if (jetty != null) {
      throw new IllegalStateException(closing ? "this server was closed; build a new one" : "already started");
    }
    if (config.bridgeJulToSlf4j && !SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
    EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
    options.setPingInterval(config.pingInterval.toMillis());
    options.setPingTimeout(config.pingTimeout.toMillis());
    // origins, CORS and admission are the Gate's (PollingServlet, EngineFrames), before the library sees a request
    options.setCorsHandlingDisabled(true);
    options.setScheduledExecutorService(new WheelScheduler(10, workers, r -> {
      Thread t = new Thread(r, "packets-timer");
      t.setDaemon(true);
      return t;
    }));
    engine = new EngineIoServer(options);
    engine.on("connection", args -> onSession((EngineIoSocket) args[0]));
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
    HttpConfiguration http = connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // a client that trickles a request body or does not read an answer is dropped, not waited for
    http.setMinRequestDataRate(config.minDataRate);
    http.setMinResponseDataRate(config.minDataRate);
    connector.setHost(config.host);
    connector.setPort(config.port);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    HotLane lane = new HotLane();
    // a POST carries packets as text, binary ones in base64 (4/3 of their size), several per request
    int maxBody = config.maxPayloadBytes / 3 * 4 + 64 * 1024;
    polling = new PollingServlet(engine, gate, lane, () -> meter(false), maxBody, config.allowCredentials);
    ServletHolder pollingHolder = new ServletHolder(polling);
    pollingHolder.setAsyncSupported(true);
    context.addServlet(pollingHolder, "/socket.io/*");
    context.addServlet(new ServletHolder(new TextServlet(() -> Json.write(health(), false), "application/json")),
        "/health");
    context.addServlet(new ServletHolder(new TextServlet(() -> Json.write(registry.table(), false),
        "application/json")), "/packets/schema.json");
    context.addServlet(new ServletHolder(new ResourceServlet("dev/packets/js")), "/packets/*");
    config.resources.forEach((prefix, dir) ->
        context.addServlet(new ServletHolder(new ResourceServlet(dir)), prefix + "/*"));
    int maxMessage = config.maxPayloadBytes + 64 * 1024;
    Duration idle = config.pingInterval.plus(config.pingTimeout).plusSeconds(5);
    var upgrades = EngineFrames.upgrades(engine, maxMessage, idle, lane, gate, () -> meter(true));
    upgrades.setHandler(context);
    jetty.setHandler(upgrades);
    try {
      jetty.start();
    } catch (Exception e) {
      closing = true;
      stopQuietly();
      config.onStartFailed.forEach(h -> h.on(this));
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
    String header = Frames.push(id);
    for (PacketSocket socket : targets) {
      push(socket, id, header, payload);
    }
  }

  /** Queues an encoded packet for one socket, asking for no response. */
  private void push(PacketSocket socket, int id, String header, byte[] payload) {
    metrics.packetsOut.increment();
    metrics.bytesOut.add(payload.length);
    SocketIoSocket raw = socket.raw();
    socket.mailbox().offer(new Mailbox.Send(header, payload, () -> raw.send(String.valueOf(id), payload),
        header.length() + payload.length));
  }

  /** Queues a JSON event ({@code packets:ready}, {@code packets:close}…) for one socket. */
  private void event(PacketSocket socket, String event, JSONObject data) {
    String frame = Frames.event(event, data);
    SocketIoSocket raw = socket.raw();
    socket.mailbox().offer(new Mailbox.Send(frame, null, () -> raw.send(event, data), frame.length()));
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

  /** A websocket or polling session gets a meter of its own: its frames beyond the packets' own rate limit. */
  private FrameMeter meter(boolean websocket) {
    return new FrameMeter(2 * config.ratePerSecond + 10, 2 * config.rateBurst + 20, config.maxAttachments, websocket);
  }

  /** Engine.io opened a session (a handshake on either transport): counted by the gate until it closes. */
  private void onSession(EngineIoSocket session) {
    String sid = session.getId();
    String address = Gate.handshakeAddress() == null ? "unknown" : Gate.handshakeAddress();
    if (!gate.enter(address)) {
      session.close();
      return;
    }
    addresses.put(sid, address);
    session.on("flush", (s, args) -> {
      PacketSocket socket = bySession.get(sid);
      if (socket != null) {
        socket.mailbox().libraryFlushed();
      }
    });
    session.on("close", (s, args) -> {
      gate.leave(address);
      addresses.remove(sid);
      writers.remove(sid);
      if (polling != null) {
        polling.forget(sid);
      }
      LibraryTimers.release(s);
    });
  }

  private void onConnection(SocketIoSocket raw) {
    String session = raw.getClient().getId();
    if (bySession.containsKey(session)) {
      // a second CONNECT on one engine.io session would be another socket on the same connection, outside every
      // per-socket limit: the session is closed instead
      metrics.protocolErrors.increment();
      LOG.debug("session {} sent a second CONNECT: closed", session);
      raw.getClient().getConnection().close();
      return;
    }
    Object auth;
    try {
      auth = JsonBridge.toJava(raw.getConnectData(), 0);
    } catch (IllegalArgumentException e) {
      auth = null;
    }
    long budget = config.outboundBudget > 0 ? config.outboundBudget : Math.max(64 * 1024, 4L * config.maxPayloadBytes);
    PacketSocket[] self = new PacketSocket[1];
    Mailbox mailbox = new Mailbox(budget, outbound, new Mailbox.Outlet() {
      @Override
      public FrameWriter writer() {
        return writers.get(session);
      }

      @Override
      public void overflow(long pending) {
        overflowed(self[0], pending);
      }
    });
    PacketSocket socket = new PacketSocket(this, raw, auth, mailbox);
    self[0] = socket;
    Lane lane = new Lane(new TokenBucket(config.ratePerSecond, config.rateBurst));
    socket.lane = lane;
    bySession.put(session, socket);
    raw.registerAllEventListener((event, args) -> inbound.onEvent(socket, event, args));
    raw.on("disconnect", args -> onDisconnect(socket, args.length > 0 ? String.valueOf(args[0]) : "unknown"));
    if (config.authenticator == null && config.onConnect.isEmpty()) {
      admit(socket);
      return;
    }
    // hooks may block (a token checked against a database): they run on the worker pool, and packets that come
    // meanwhile wait in the socket's lane (a few of them: see Inbound) until the hooks let the socket in, or until
    // the authentication timeout refuses it
    CompletableFuture<Void> admitted = new CompletableFuture<>();
    lane.tail = admitted;
    lane.admitting = true;
    Object payload = auth;
    long timeout = config.authenticationTimeout.toMillis();
    CompletableFuture.delayedExecutor(timeout, TimeUnit.MILLISECONDS, outbound).execute(() -> {
      if (!admitted.isDone()) {
        refuse(socket, admitted, new PacketError(408, "authentication timed out after " + timeout + " ms"));
      }
    });
    try {
      workers.execute(() -> {
        try {
          if (config.authenticator != null) {
            socket.principal(config.authenticator.authenticate(payload, socket.headers()));
          }
          for (Hooks.Connect hook : config.onConnect) {
            hook.connected(socket);
          }
        } catch (PacketError refusal) {
          refuse(socket, admitted, refusal);
          return;
        } catch (RuntimeException e) {
          String id = Correlation.next();
          LOG.warn("connect hook failed for socket {} ({})", raw.getId(), id, e);
          refuse(socket, admitted, new PacketError(500, "internal error (id " + id + ")"));
          return;
        }
        if (!admitted.isDone()) {
          admit(socket);
          admitted.complete(null);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException busy) {
      refuse(socket, admitted, new PacketError(503, "server busy"));
    }
  }

  /** Refuses a socket still in its connect hooks (once): tells the client why and disconnects it. */
  private void refuse(PacketSocket socket, CompletableFuture<Void> admitted, PacketError refusal) {
    synchronized (socket) {
      if (admitted.isDone()) {
        return;
      }
      admitted.completeExceptionally(refusal);
    }
    LOG.info("refused socket {}: {}", socket.id(), refusal.getMessage());
    metrics.refused.increment();
    event(socket, REFUSED_EVENT, Frames.errorJson(refusal));
    disconnectAfterMailbox(socket);
  }

  /** Counts a socket in, lets its packets take the hot path, and tells its client it is ready. */
  private void admit(PacketSocket socket) {
    synchronized (socket) {
      if (socket.gone) {
        return;
      }
      sockets.put(socket.id(), socket);
      socket.lane.admitting = false;
      metrics.connections.incrementAndGet();
      metrics.connectionsTotal.increment();
    }
    event(socket, READY_EVENT, new JSONObject().put("fingerprint", registry.fingerprint()));
  }

  private void onDisconnect(PacketSocket socket, String reason) {
    boolean admitted;
    synchronized (socket) {
      socket.gone = true;
      admitted = sockets.remove(socket.id()) != null;
    }
    socket.lane = null;
    socket.mailbox().close();
    bySession.remove(socket.session(), socket);
    PacketError gone = new PacketError(503, "disconnected: " + reason);
    socket.awaiting.values().forEach(f -> f.completeExceptionally(gone));
    socket.awaiting.clear();
    if (admitted) {
      metrics.connections.decrementAndGet();
      if (!config.onDisconnect.isEmpty()) {
        // like connect hooks, these may block (saving a player's state): not on the read thread
        try {
          workers.execute(() -> {
            for (Hooks.Disconnect hook : config.onDisconnect) {
              try {
                hook.disconnected(socket, reason);
              } catch (RuntimeException e) {
                LOG.warn("disconnect hook failed", e);
              }
            }
          });
        } catch (java.util.concurrent.RejectedExecutionException busy) {
          LOG.warn("worker pool full: the disconnect hooks of socket {} did not run", socket.id());
        }
      }
    }
  }

  /** Tells the client why, then disconnects it once what was queued before is written. */
  void close(PacketSocket socket, String reason) {
    event(socket, CLOSE_EVENT, new JSONObject().put("reason", reason));
    disconnectAfterMailbox(socket);
  }

  /** Disconnects a socket from its mailbox's drain, after everything queued before. */
  private void disconnectAfterMailbox(PacketSocket socket) {
    SocketIoSocket raw = socket.raw();
    socket.mailbox().offer(new Mailbox.Send(null, null, () -> raw.disconnect(true), 0));
  }

  /** A socket's outbound budget was exceeded: its client does not read. Closed at once, without waiting for it. */
  private void overflowed(PacketSocket socket, long pending) {
    metrics.outboundOverflows.increment();
    LOG.info("closing socket {} ({}): {} bytes wait to be written, over its outbound budget", socket.id(),
        socket.remoteAddress(), pending);
    String session = socket.session();
    FrameWriter writer = writers.get(session);
    if (writer != null) {
      writer.abort(1008, "outbound budget exceeded");
    } else if (polling != null) {
      polling.abort(session);
    }
    outbound.execute(() -> socket.raw().disconnect(true));
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
        inbound.onPacket(socket, packetId, payload, ackId < 0 ? null : new FastAck(socket, ackId, null));
      } catch (RuntimeException e) {
        LOG.warn("packet from socket {} failed", socket.id(), e);
      }
    }

    @Override
    public void ack(String sid, int ackId, String json, byte[] attachment) {
      PacketSocket socket = bySession.get(sid);
      CompletableFuture<Object> waiting = socket == null ? null : socket.awaiting.remove(ackId);
      if (waiting == null) {
        return;
      }
      try {
        JSONArray args = new JSONArray(json);
        Object[] values = new Object[args.length()];
        for (int i = 0; i < values.length; i++) {
          Object value = args.opt(i);
          values[i] = value instanceof JSONObject o && o.optBoolean("_placeholder") ? attachment
              : value == JSONObject.NULL ? JSONObject.NULL : value;
        }
        waiting.complete(answer(values));
      } catch (RuntimeException e) {
        waiting.completeExceptionally(new PacketError(400, "a malformed answer: " + e.getMessage()));
      }
    }

    @Override
    public void opened(String sid, FrameWriter out, String remoteAddress) {
      writers.put(sid, out);
    }

    @Override
    public void closed(String sid, FrameWriter out) {
      writers.remove(sid, out);
    }

    @Override
    public void protocolError(String sid, String reason) {
      metrics.protocolErrors.increment();
      LOG.debug("session {} closed: {}", sid, reason);
      PacketSocket socket = sid == null ? null : bySession.get(sid);
      if (socket != null && writers.get(sid) == null) {
        outbound.execute(() -> socket.raw().disconnect(true));
      }
    }
  }

  // ---- packets out

  /** Pushes one packet to one socket; an unencodable packet fails here, in the caller's hands. */
  void push(PacketSocket socket, Object packet) {
    byte[] payload = registry.encode(packet);
    int id = registry.id(packet.getClass());
    push(socket, id, Frames.push(id), payload);
  }

  /**
   * Sends a packet and completes with the client's response (its ack), or fails after the ack timeout; the server's
   * own ack ids and a bounded table of sends awaiting an answer, cleaned on timeout and disconnect.
   */
  CompletableFuture<Object> send(PacketSocket socket, Object packet) {
    byte[] payload;
    int id;
    try {
      payload = registry.encode(packet);
      id = registry.id(packet.getClass());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (socket.awaiting.size() >= config.maxAwaitingAcks) {
      return CompletableFuture.failedFuture(new PacketError(503, config.maxAwaitingAcks
          + " sends to this socket already await an answer"));
    }
    metrics.packetsOut.increment();
    metrics.bytesOut.add(payload.length);
    int ack = socket.nextAckId();
    CompletableFuture<Object> response = new CompletableFuture<>();
    socket.awaiting.put(ack, response);
    String header = Frames.send(ack, id);
    SocketIoSocket raw = socket.raw();
    Runnable viaLibrary = () -> {
      JSONArray data = new JSONArray().put(String.valueOf(id)).put(payload);
      Packet<JSONArray> event = new Packet<>(Parser.BINARY_EVENT, data);
      event.id = ack;
      event.nsp = "/";
      raw.getClient().sendPacket(event);
    };
    if (!socket.mailbox().offer(new Mailbox.Send(header, payload, viaLibrary, header.length() + payload.length))) {
      socket.awaiting.remove(ack);
      return CompletableFuture.failedFuture(new PacketError(503, "the socket is closed"));
    }
    return response.orTimeout(config.ackTimeout.toMillis(), TimeUnit.MILLISECONDS).handle((value, error) -> {
      socket.awaiting.remove(ack);
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
      closing = true;
      return;
    }
    closing = true;
    gate.close();
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
    config.onStopped.forEach(h -> h.on(this));
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
    outbound.shutdownNow();
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
    int maxConnectionsPerAddress = 64;
    final java.util.Set<String> trustedProxies = new java.util.LinkedHashSet<>();
    final java.util.Set<String> allowedOrigins = new java.util.LinkedHashSet<>();
    boolean allowCredentials;
    Duration authenticationTimeout = Duration.ofSeconds(10);
    long outboundBudget;
    int maxAttachments = 1;
    int maxQueuedPackets = 64;
    int maxAwaitingAcks = 1024;
    int workerThreads = 64;
    long minDataRate = 1024;
    boolean bridgeJulToSlf4j;
    final List<Hooks.Lifecycle> onStartFailed = new ArrayList<>();
    final List<Hooks.Lifecycle> onStopped = new ArrayList<>();
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

    /**
     * Puts the exception and its stack trace in 500 acks (default false: they say {@code internal error (id …)},
     * and the server logs the stack trace under that id).
     */
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

    /**
     * Engine.io sessions (connected or still in their handshake) from one client address beyond this are refused
     * with 503 (default 64). The address is the TCP peer, or the last {@code X-Forwarded-For} entry that a
     * {@linkplain #trustedProxies trusted proxy} added.
     */
    public Builder maxConnectionsPerAddress(int max) {
      this.maxConnectionsPerAddress = max;
      return this;
    }

    /**
     * The proxies (IP addresses) whose {@code X-Forwarded-For} the server believes; from anyone else the header is
     * ignored. Default none.
     */
    public Builder trustedProxies(String... addresses) {
      trustedProxies.addAll(List.of(addresses));
      return this;
    }

    /**
     * The origins whose pages may connect (e.g. {@code https://game.example}); requests from other origins get 403
     * on both transports. By default only the server's own origin (a page it served) and requests without an
     * {@code Origin} header (clients that are not browsers).
     */
    public Builder allowedOrigins(String... origins) {
      allowedOrigins.addAll(List.of(origins));
      return this;
    }

    /**
     * Whether long-polling answers to an allowed other origin carry {@code Access-Control-Allow-Credentials: true},
     * letting that page's requests carry the user's cookies (default false).
     */
    public Builder allowCredentials(boolean allow) {
      this.allowCredentials = allow;
      return this;
    }

    /** How long authentication and the connect hooks may take before the connection is refused (default 10 s). */
    public Builder authenticationTimeout(Duration timeout) {
      this.authenticationTimeout = timeout;
      return this;
    }

    /**
     * Bytes that may wait to be written to one socket (queued, or in flight to a client that reads slowly); a send
     * past it closes the socket (1008 on a websocket) and is counted in {@link ServerMetrics#outboundOverflows()}.
     * Default 4 × {@link #maxPayloadBytes}, at least 64 KiB.
     */
    public Builder outboundBudget(long bytes) {
      this.outboundBudget = bytes;
      return this;
    }

    /**
     * Most binary attachments a Socket.IO event or ack may announce (default 1: a packet has exactly one); a frame
     * announcing more closes its connection before the library buffers anything.
     */
    public Builder maxAttachments(int max) {
      this.maxAttachments = max;
      return this;
    }

    /**
     * Most packets one socket may have waiting in its lane (default 64; 16 before it is admitted); more are answered
     * {@code {code: 503}} without being decoded.
     */
    public Builder maxQueuedPackets(int max) {
      this.maxQueuedPackets = max;
      return this;
    }

    /** Threads that run hooks and the acceptors of queued or slow packets (default 64). */
    public Builder workerThreads(int threads) {
      this.workerThreads = threads;
      return this;
    }

    /**
     * The slowest a client may send a request body or read an answer over HTTP, in bytes a second (default 1,024):
     * slower ones are dropped.
     */
    public Builder minDataRate(long bytesPerSecond) {
      this.minDataRate = bytesPerSecond;
      return this;
    }

    /**
     * Whether {@code start()} routes java.util.logging (the Socket.IO library's) to SLF4J, replacing the root
     * logger's handlers (default false: a library does not rewire logging unasked).
     */
    public Builder bridgeJulToSlf4j(boolean on) {
      this.bridgeJulToSlf4j = on;
      return this;
    }

    /** Called when {@code start()} fails (the port is taken…), before it throws. */
    public Builder onStartFailed(Hooks.Lifecycle hook) {
      onStartFailed.add(hook);
      return this;
    }

    /** Called once the server has stopped. */
    public Builder onStopped(Hooks.Lifecycle hook) {
      onStopped.add(hook);
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
