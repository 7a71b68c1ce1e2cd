package dev.packets.server.engine;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.servlet.http.HttpServlet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty and engine.io wiring, and nothing else: a connector (reading websockets on the selector thread when
 * asked), engine.io and the Socket.IO main namespace, the websocket upgrade (through the {@link Gate}), the
 * long-polling servlet, the packets lane ({@link Lanes}) and the other servlets. What happens to sessions, sockets and packets is the caller's, told
 * through {@link Events} and the {@link FastLane}.
 */
public final class JettyHost {

  /** The transport settings; {@code tls} is null for plain http. */
  public record Setup(String host, int port, Duration pingInterval, Duration pingTimeout, boolean inlineReads,
      long minDataRate, int maxPollingBody, int maxMessage, boolean allowCredentials, int maxAttachments,
      double packetsPerSecond, double packetBurst, SslContextFactory.Server tls, Duration helloTimeout,
      boolean lane) {}

  /** What the host tells its owner. */
  public interface Events {
    /** Engine.io opened a session (a handshake on either transport), on the handshake's thread. */
    void session(EngineIoSocket session);

    /** A Socket.IO CONNECT on the main namespace. */
    void connection(SocketIoSocket socket);
  }

  private final Setup setup;
  private final Server jetty;
  private final EngineIoServer engine;
  private final PollingServlet polling;
  private final Lanes lanes;

  /**
   * Wires everything (nothing listens until {@link #start}); {@code timers} runs engine.io's ping timeouts,
   * {@code servlets} maps path specs ({@code "/health"}, {@code "/packets/*"}) to what serves them.
   */
  public JettyHost(Setup setup, Gate gate, FastLane lane, LaneListener laneListener, Events events, Executor timers,
      Map<String, HttpServlet> servlets) {
    this.setup = setup;
    EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
    options.setPingInterval(setup.pingInterval().toMillis());
    options.setPingTimeout(setup.pingTimeout().toMillis());
    // origins, CORS and admission are the Gate's (PollingServlet, EngineFrames), before the library sees a request
    options.setCorsHandlingDisabled(true);
    options.setScheduledExecutorService(new WheelScheduler(10, timers, r -> {
      Thread t = new Thread(r, "packets-timer");
      t.setDaemon(true);
      return t;
    }));
    engine = new EngineIoServer(options);
    SocketIoServer io = new SocketIoServer(engine);
    // after socket.io's own listener: by then the session's Socket.IO client exists and has armed its timers
    engine.on("connection", args -> events.session((EngineIoSocket) args[0]));
    io.namespace("/").on("connection", args -> events.connection((SocketIoSocket) args[0]));

    QueuedThreadPool pool = new QueuedThreadPool();
    pool.setName("packets-jetty");
    // no reserved threads: when reads are handed off (HTTP, or inlineReads off), the selector hands each ready
    // connection to a pooled thread instead of waking a reserved one to take over selecting: ~10% less CPU per ack
    pool.setReservedThreads(0);
    jetty = new Server(pool);
    ServerConnector connector;
    if (setup.tls() == null) {
      connector = setup.inlineReads() ? new InlineConnector(jetty) : new ServerConnector(jetty);
    } else {
      connector = setup.inlineReads() ? new InlineConnector(jetty, setup.tls()) : new ServerConnector(jetty, setup.tls());
    }
    HttpConfiguration http = connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
    if (setup.tls() != null) {
      // requests know they came over TLS; one server name, so no SNI is required nor checked (clients by address
      // send none)
      http.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
    }
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // a client that trickles a request body or does not read an answer is dropped, not waited for
    http.setMinRequestDataRate(setup.minDataRate());
    http.setMinResponseDataRate(setup.minDataRate());
    connector.setHost(setup.host());
    connector.setPort(setup.port());
    jetty.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler("/");
    polling = new PollingServlet(engine, gate, lane, () -> meter(false), setup.maxPollingBody(),
        setup.allowCredentials());
    ServletHolder pollingHolder = new ServletHolder(polling);
    pollingHolder.setAsyncSupported(true);
    context.addServlet(pollingHolder, "/socket.io/*");
    servlets.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
    Duration idle = setup.pingInterval().plus(setup.pingTimeout()).plusSeconds(5);
    var upgrades = EngineFrames.upgrades(engine, setup.maxMessage(), idle, lane, gate, () -> meter(true));
    lanes = new Lanes(gate, laneListener, setup.maxMessage(), 2 * setup.packetsPerSecond() + 10,
        2 * setup.packetBurst() + 20, setup.helloTimeout(), engine.getScheduledExecutor());
    if (setup.lane()) {
      lanes.map(upgrades);
    }
    upgrades.setHandler(context);
    jetty.setHandler(upgrades);
  }

  /**
   * A websocket or polling session gets a meter of its own: its frames beyond the packets' own rate limit (twice
   * that, and room for pings, connects and acks).
   */
  private FrameMeter meter(boolean websocket) {
    return new FrameMeter(2 * setup.packetsPerSecond() + 10, 2 * setup.packetBurst() + 20, setup.maxAttachments(),
        websocket);
  }

  /** The long-polling transport. */
  public PollingServlet polling() {
    return polling;
  }

  /** Starts listening. */
  public void start() throws Exception {
    jetty.start();
    lanes.start(setup.pingInterval());
  }


  /** The port listened on (the ephemeral one when set up with port 0). */
  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  /** Stops engine.io, its timers and Jetty. */
  public void stop() throws Exception {
    lanes.stop();
    engine.shutdown();
    engine.getScheduledExecutor().shutdown();
    jetty.stop();
  }
}
