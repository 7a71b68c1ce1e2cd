package dev.packets.server;

import dev.packets.PacketRegistry;
import dev.packets.codec.Json;
import dev.packets.intercom.Intercom;
import dev.packets.server.engine.Gate;
import dev.packets.server.engine.JettyHost;
import dev.packets.server.http.ResourceServlet;
import dev.packets.server.http.TextServlet;
import dev.packets.server.tls.TlsContext;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.servlet.http.HttpServlet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
  /** The event a client sends, with new credentials and an ack, to refresh its principal in place. */
  public static final String REAUTHENTICATE_EVENT = "packets:reauthenticate";

  /**
   * The Socket.IO library logs a warning with a stack trace for every malformed frame it parses: a client could
   * flood the log. Its parser's warnings are kept to errors (held here so the setting is not collected).
   */
  private static final java.util.logging.Logger LIBRARY_PARSER = quiet("io.socket.socketio.server.parser");

  /** Where a server is in its one life: built, started, then closed; never started twice. */
  private enum State { BUILT, STARTED, CLOSED }

  private final ServerConfig config;
  private final ServerMetrics metrics = new ServerMetrics();
  private final Gate gate;
  private final ExecutorService workers;
  private final Outbound outbound;
  private final Inbound inbound;
  private final Sessions sessions;
  private final HotLane lane;
  /** What comes in on the packets lane. */
  private final LaneDoor laneDoor;
  private final Cluster cluster;
  private final ClusterView clusterView;
  /** Sessions that survive a reconnect, or null. */
  private final Recovery recovery;
  private final JettyHost host;
  /** The server's TLS, or null for plain http. */
  private final TlsContext tls;
  /** The plugins started, in order; closed in reverse. */
  private final List<PacketPlugin> startedPlugins = new ArrayList<>();
  private State state = State.BUILT;
  private volatile boolean closing;

  PacketServer(ServerConfig config) {
    this.config = config;
    this.workers = Pools.bounded("packets-worker-", config.workerThreads(), 10_000);
    this.gate = new Gate(config.allowedOrigins(), config.trustedProxies(), config.maxConnections(),
        config.maxConnectionsPerAddress());
    Permissions permissions = new Permissions(config.guards(), config.outboundGuards(), config.denyUnguarded(),
        config.registry());
    this.outbound = new Outbound(config, metrics, permissions);
    this.inbound = new Inbound(config, metrics, workers, outbound, permissions);
    this.sessions = new Sessions(this, config, metrics, gate, outbound, inbound, workers);
    this.lane = new HotLane(sessions, inbound, outbound);
    this.laneDoor = new LaneDoor(sessions, inbound, outbound, metrics);
    this.cluster = new Cluster(config.intercom(), config.registry(), sessions, outbound, metrics);
    this.clusterView = new ClusterView(cluster);
    sessions.cluster(cluster);
    if (config.recovery() != null) {
      this.recovery = new Recovery(config.recovery(), config.intercom(), config.registry(), metrics, outbound.pool(),
          sessions);
      sessions.recovery(recovery, new Reconnects(recovery, outbound.pool(), metrics));
    } else {
      this.recovery = null;
    }
    Map<String, HttpServlet> servlets = new LinkedHashMap<>();
    servlets.put("/health", new TextServlet(() -> Json.write(health(), false), "application/json"));
    servlets.put("/packets/schema.json", new TextServlet(() -> Json.write(config.registry().table(), false),
        "application/json"));
    // the packets as TypeScript types, for connect<Packets>(url) in packets-js
    String types = dev.packets.TypeScriptTypes.of(config.registry());
    servlets.put("/packets/packets.d.ts", new TextServlet(() -> types, "text/plain"));
    servlets.put("/packets/*", new ResourceServlet("dev/packets/js"));
    config.resources().forEach((prefix, dir) -> servlets.put(prefix + "/*", new ResourceServlet(dir)));
    this.tls = config.tls() == null ? null : new TlsContext(config.tls().source(), config.tls().reloadCheck());
    this.host = new JettyHost(new JettyHost.Setup(config.host(), config.port(), config.pingInterval(),
        config.pingTimeout(), config.inlineReads(), config.minDataRate(), config.maxPollingBody(),
        config.maxMessage(), config.allowCredentials(), config.maxAttachments(), config.ratePerSecond(),
        config.rateBurst(), tls == null ? null : tls.factory(), config.authenticationTimeout(), config.lane()), gate, lane,
        laneDoor, new JettyHost.Events() {
          @Override
          public void session(EngineIoSocket session) {
            sessions.opened(session);
          }

          @Override
          public void connection(SocketIoSocket socket) {
            sessions.connected(socket);
          }
        }, workers, servlets);
    sessions.polling(host.polling());
  }

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.SEVERE);
    return logger;
  }

  public static ServerBuilder builder() {
    return new ServerBuilder();
  }

  /**
   * Starts listening; fails (and releases everything, after the start-failed hooks) when the port cannot be bound.
   * A server starts once: a second start, or a start after {@link #close()}, is an error.
   */
  public synchronized PacketServer start() {
    if (state != State.BUILT) {
      throw new IllegalStateException(state == State.CLOSED ? "this server was closed; build a new one"
          : "already started");
    }
    state = State.STARTED;
    if (config.bridgeJulToSlf4j() && !SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
    for (PacketPlugin plugin : config.plugins()) {
      try {
        plugin.start(this).toCompletableFuture().get(config.pluginStartTimeout().toMillis(), TimeUnit.MILLISECONDS);
        startedPlugins.add(plugin);
      } catch (Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        state = State.CLOSED;
        closing = true;
        stopQuietly();
        config.onStartFailed().forEach(h -> h.on(this));
        String why = cause instanceof TimeoutException
            ? "did not start within " + config.pluginStartTimeout().toMillis() + " ms" : String.valueOf(cause.getMessage());
        throw new IllegalStateException("plugin " + plugin.name() + " failed to start: " + why, cause);
      }
    }
    try {
      if (tls != null) {
        tls.start();
      }
      host.start();
    } catch (Exception e) {
      state = State.CLOSED;
      closing = true;
      stopQuietly();
      config.onStartFailed().forEach(h -> h.on(this));
      throw new IllegalStateException("cannot start on " + config.host() + ":" + config.port() + ": "
          + e.getMessage(), e);
    }
    cluster.start();
    if (recovery != null) {
      recovery.start();
    }
    sessions.reauthentication().start();
    LOG.info("packets server listening on {}://{}:{}/ ({} packets, fingerprint {})", tls == null ? "http" : "https",
        config.host(), port(),
        config.registry().size(), config.registry().fingerprint());
    config.onStart().forEach(h -> h.on(this));
    return this;
  }

  /** The port the server listens on (the ephemeral one when built with port 0). */
  public int port() {
    return host.port();
  }

  /** The configuration it was built with. */
  public ServerConfig config() {
    return config;
  }

  public PacketRegistry registry() {
    return config.registry();
  }

  /** The node's intercom, or null. */
  public Intercom intercom() {
    return config.intercom();
  }

  public ServerMetrics metrics() {
    return metrics;
  }

  /** The connected sockets. */
  public List<PacketSocket> sockets() {
    return List.copyOf(sessions.admitted());
  }

  /**
   * Sends a packet to every connected socket, asking for no response; it is encoded once for all of them. With an
   * {@linkplain ServerBuilder#intercom intercom} it reaches the sockets of every node that shares it, published once.
   *
   * @throws dev.packets.EncodeException if the packet cannot be encoded (nothing is sent)
   */
  public void broadcast(Object packet) {
    cluster.send(Cluster.Target.ALL, packet);
  }

  /** The nodes that share this server's intercom, as one server: questions of all of them, a push to any socket. */
  public ClusterView cluster() {
    return clusterView;
  }

  /**
   * The sockets, on every node, whose attribute {@code key} equals {@code value}: a multicast that crosses nodes,
   * so the value is a String, a Boolean or an integral number (compared by value) and the key is matched by its
   * name there.
   */
  public <T> Selection where(PacketSocket.Key<T> key, T value) {
    Objects.requireNonNull(key, "key");
    if (!(value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long
        || value instanceof Short || value instanceof Byte)) {
      throw new IllegalArgumentException("where(" + key.name() + ", " + value + "): a value that crosses nodes is a "
          + "String, a Boolean or an integral number");
    }
    return new Selection(new Cluster.Target(null, Set.of(), null, key.name(), value));
  }

  /** Sockets chosen by their attributes, on every node. */
  public final class Selection {
    private final Cluster.Target target;

    private Selection(Cluster.Target target) {
      this.target = target;
    }

    /** This node's matching sockets. */
    public List<PacketSocket> sockets() {
      return sessions.admitted().stream().filter(target::matches).toList();
    }

    /** Sends a packet to the matching sockets of every node, asking for no response; encoded once. */
    public void send(Object packet) {
      cluster.send(target, packet);
    }
  }

  /** The sockets in a room (on every node, for {@link Room#send}). */
  public Room to(String room) {
    return new Room(room, Set.of());
  }

  /** The sockets that joined one room, but those left out with {@link #except}. */
  public final class Room {
    private final String name;
    private final Set<String> except;

    private Room(String name, Set<String> except) {
      this.name = Objects.requireNonNull(name, "room");
      this.except = except;
    }

    /** The same room without the sockets whose ids are given (the sender, typically), on every node. */
    public Room except(String... socketIds) {
      Set<String> all = new HashSet<>(except);
      all.addAll(List.of(socketIds));
      return new Room(name, Set.copyOf(all));
    }

    /** This node's sockets in the room. */
    public List<PacketSocket> sockets() {
      return sessions.admitted().stream().filter(s -> s.in(name) && !except.contains(s.id())).toList();
    }

    /**
     * Sends a packet to every socket in the room, on this node and (with an intercom) every other, asking for no
     * response; encoded once, as {@link #broadcast}.
     */
    public void send(Object packet) {
      cluster.send(new Cluster.Target(name, except, null, null, null), packet);
    }
  }

  private Map<String, Object> health() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", closing ? "closing" : "up");
    out.put("fingerprint", config.registry().fingerprint());
    out.put("wire", PacketRegistry.WIRE_VERSION);
    out.putAll(metrics.snapshot());
    return out;
  }

  /** How many packets came the hot way (see {@link dev.packets.server.engine.FastLane}). */
  long hotPackets() {
    return lane.packets();
  }

  /** Stops accepting, tells connected clients, finishes the packets in flight (up to five seconds), then stops. */
  @Override
  public synchronized void close() {
    if (state != State.STARTED) {
      state = State.CLOSED;
      closing = true;
      return;
    }
    state = State.CLOSED;
    closing = true;
    sessions.reauthentication().stop();
    cluster.stop();
    if (recovery != null) {
      recovery.stop();
    }
    gate.close();
    config.onStop().forEach(h -> h.on(this));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (inbound.inFlight() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (PacketSocket socket : sessions.admitted()) {
      try {
        outbound.close(socket, "server shutting down");
      } catch (RuntimeException e) {
        // the socket went away meanwhile
      }
    }
    stopQuietly();
    LOG.info("packets server stopped");
    config.onStopped().forEach(h -> h.on(this));
  }

  private void stopQuietly() {
    try {
      host.stop();
    } catch (Exception e) {
      LOG.warn("error while stopping", e);
    }
    if (tls != null) {
      tls.close();
    }
    for (int i = startedPlugins.size() - 1; i >= 0; i--) {
      PacketPlugin plugin = startedPlugins.get(i);
      try {
        plugin.close();
      } catch (RuntimeException e) {
        LOG.warn("plugin {} failed to close", plugin.name(), e);
      }
    }
    startedPlugins.clear();
    workers.shutdownNow();
    outbound.shutdown();
  }
}
