package dev.packets.client;

import dev.packets.socketio.Frames;
import dev.packets.socketio.Answers;
import dev.packets.socketio.PacketError;
import dev.packets.socketio.Request;
import dev.packets.socketio.JsonBridge;
import dev.packets.PacketRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONArray;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java client of a packets server ({@code dev.packets.server.PacketServer}) over a websocket (the JDK's): on the packets lane (one frame
 * per packet) by default, or through engine.io v4 / Socket.IO v5 when the lane is refused or the options ask for
 * it; packets sent in their binary form with an ack, responses and server pushes decoded with the registry.
 *
 * <pre>{@code
 * try (PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:8080"), packets, ClientOptions.DEFAULT)) {
 *   Object response = client.send(new Move(7, 1.5f, 2f)).get();
 * }
 * }</pre>
 *
 * <p>The futures' callbacks ({@code thenAccept}, {@code whenComplete} …) run on the client's I/O thread, which
 * reads every connection of the process: keep them short, and never wait there; waiting there for an answer fails at
 * once with {@link IllegalStateException} (it would stall every connection). Pushed packets go to their acceptors on
 * a thread of this client's own, one after another.
 */
public final class PacketClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PacketClient.class);

  /** The server it connects to; {@link #moveTo} changes it. */
  private volatile URI uri;
  /** Set by {@link #moveTo} until the connection there is made: the drop reconnects at once, options or not. */
  private volatile boolean moving;
  private final PacketRegistry registry;
  private final ClientOptions options;
  private final ClientRuntime runtime = ClientRuntime.acquire();
  private final java.net.http.HttpClient http;
  private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
  private final Map<Integer, Waiting> pending = new ConcurrentHashMap<>();
  private final Map<Class<?>, ClientAcceptor<?>> acceptors = new ConcurrentHashMap<>();
  private final AtomicInteger nextAck = new AtomicInteger();
  /** Runs this client's acceptors for server pushes, one after another; started on the first push. */
  private volatile ExecutorService handlers;
  private final ScheduledExecutorService timers = runtime.timers;
  private volatile WebSocketLink link;
  private volatile CompletableFuture<Void> connected = new CompletableFuture<>();
  private volatile boolean closed;
  private volatile String closeReason;
  /** What the server's authentication driver told this client of its session, or null. */
  private volatile Object sessionData;
  /** The auth payload sent on connect: the options', until {@link #reauthenticate} replaces it. */
  private volatile Map<String, Object> auth;
  /**
   * Socket.IO's connection state recovery: the session's private id the server gave (null: it keeps no sessions), the
   * offset of the last push received, and whether the latest connect recovered the session.
   */
  private volatile String pid;
  private volatile String lastOffset;
  private volatile boolean recovered;
  private volatile String socketId;
  private int backoffMillis = 100;
  /** When the server last pinged (System.nanoTime()), and how long it may be silent: its interval plus timeout. */
  private volatile long lastPing;
  private volatile long silenceMillis;
  /** The way the current connection travels. */
  private volatile Wire wire;
  /** Whether the lane's upgrade was refused, so that this client connects through Socket.IO from now on. */
  private volatile boolean laneRefused;
  private final Events peer = new Events();

  private PacketClient(URI uri, PacketRegistry registry, ClientOptions options) {
    runtime.watch(this);
    this.uri = uri;
    this.registry = registry;
    this.options = options;
    this.http = runtime.http(options.tls());
    this.auth = options.auth();
  }

  /** A sent packet waiting for its response until {@code deadline} (System.nanoTime()). */
  private record Waiting(CompletableFuture<JSONArray> answer, long deadline) {}

  /**
   * Fails the sends whose response is overdue, and drops a connection whose server stopped pinging (engine.io
   * servers ping every interval, so silence past interval + timeout is a dead link). The runtime's timer calls it
   * every few milliseconds for every client, which costs less than timers armed and cancelled per send and ping.
   */
  void expire(long now) {
    Wire beating = wire;
    if (beating != null) {
      beating.beat(now);
    }
    WebSocketLink current = link;
    long silence = silenceMillis;
    if (silence > 0 && current != null && current.isOpen() && now - lastPing > silence * 1_000_000L) {
      lastPing = now; // once
      LOG.warn("no ping from {} within {} ms: closing the connection", uri, silence);
      current.abort("ping timeout");
    }
    if (pending.isEmpty()) {
      return;
    }
    for (Map.Entry<Integer, Waiting> e : pending.entrySet()) {
      Waiting waiting = e.getValue();
      if (now - waiting.deadline() >= 0 && pending.remove(e.getKey(), waiting)) {
        waiting.answer().completeExceptionally(new TimeoutException());
      }
    }
  }

  private ExecutorService handlers() {
    ExecutorService pool = handlers;
    if (pool == null) {
      synchronized (this) {
        pool = handlers;
        if (pool == null) {
          handlers = pool = Executors.newSingleThreadExecutor(r -> daemon(r, "packets-client"));
          if (closed) {
            pool.shutdownNow();
          }
        }
      }
    }
    return pool;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** A failure's message and its causes', e.g. "Handshake error. (Response code was not 101: 404.)". */
  private static String describe(Throwable error) {
    StringBuilder out = new StringBuilder(String.valueOf(error.getMessage()));
    for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause.getMessage() != null && !out.toString().contains(cause.getMessage())) {
        out.append(" (").append(cause.getMessage()).append(')');
      }
    }
    return out.toString();
  }

  /** Connects to the server at {@code http(s)://host:port}, waiting up to the options' connect timeout. */
  public static PacketClient connect(URI server, PacketRegistry registry, ClientOptions options) {
    ClientFuture.checkNotIoThread("connecting");
    PacketClient client = new PacketClient(server, registry, options);
    try {
      client.open().get(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return client;
    } catch (java.util.concurrent.ExecutionException e) {
      client.close();
      throw e.getCause() instanceof PacketError p ? p : new PacketError(503, "cannot connect to " + server + ": "
          + describe(e.getCause()));
    } catch (TimeoutException e) {
      client.close();
      throw new PacketError(408, "no connection to " + server + " within " + options.connectTimeout().toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      client.close();
      throw new PacketError(503, "interrupted while connecting");
    }
  }

  /** Answers packets of {@code type} that the server pushes. */
  public <T> PacketClient accept(Class<T> type, ClientAcceptor<? super T> acceptor) {
    acceptors.put(type, acceptor);
    return this;
  }

  public boolean isConnected() {
    WebSocketLink current = link;
    return connected.isDone() && !connected.isCompletedExceptionally() && current != null && current.isOpen();
  }

  /**
   * Whether the latest (re)connect recovered this client's session: the server kept its socket id, principal,
   * attributes and rooms while it was away and sent again, in order, the packets pushed meanwhile. False on the first
   * connect, and when the session could not be recovered (a new one began). Only a server built with
   * {@code recovery()} keeps sessions.
   */
  public boolean recovered() {
    return recovered;
  }

  /** The server's id of this client's socket (the same after a recovery), or null before the first connect. */
  public String socketId() {
    return socketId;
  }

  /** Why the server closed or refused the connection, if it said. */
  public String closeReason() {
    return closeReason;
  }

  /**
   * What the server's authentication driver told this client of its session when it was admitted (or
   * re-authenticated): JSON-like, such as {@code {id=ada, roles=[player]}}; null when it said nothing.
   */
  public Object session() {
    return sessionData;
  }

  /**
   * Presents new credentials ({@code {"token": fresh}}) on the open connection, before the old ones expire: the
   * server admits them for the same principal and completes with the new session data; a refusal fails with
   * {@link PacketError} and leaves the connection as it was. Reconnections present the new credentials from then on.
   */
  public CompletableFuture<Object> reauthenticate(Map<String, Object> credentials) {
    return awaitAnswer("the re-authentication", ack -> wire.event(ack, "packets:reauthenticate",
        JsonBridge.toJson(credentials, registry))).thenApply(outcome -> {
          Object data = outcome instanceof Map<?, ?> map ? map.get("session") : null;
          this.auth = Map.copyOf(credentials);
          this.sessionData = data;
          return data;
        });
  }

  /**
   * Sends a packet and returns its response: the JSON-like value or the packet the server answered with. Fails with
   * {@link PacketError} for an error answer ({@code {code, reason}}), a timeout (408) or a lost connection (503).
   */
  public CompletableFuture<Object> send(Object packet) {
    byte[] payload;
    int id;
    try {
      payload = registry.encode(packet);
      id = registry.id(packet.getClass());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return awaitAnswer(registry.name(id), ack -> wire.send(ack, id, payload));
  }

  /** Writes a frame with a new ack id, once connected. */
  @FunctionalInterface
  private interface AckedWrite {
    void write(int ack) throws IOException;
  }

  /**
   * Writes with a new ack id and completes with the server's answer: the response, or {@link PacketError} for an
   * error answer, no answer within the response timeout (408, naming {@code what}) or no connection (503).
   */
  private CompletableFuture<Object> awaitAnswer(String what, AckedWrite frame) {
    int ack = nextAck.incrementAndGet();
    CompletableFuture<JSONArray> answer = new ClientFuture<>();
    long timeout = options.responseTimeout().toMillis();
    pending.put(ack, new Waiting(answer, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout)));
    CompletableFuture<Void> ready = connected;
    if (ready.isDone() && !ready.isCompletedExceptionally()) {
      write(ack, frame, answer);
    } else {
      // not connected yet (or again): written once connected, without blocking the caller (maybe the I/O thread
      // that connecting needs); not connected within the connect timeout fails it
      ready.copy().orTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .whenComplete((ok, error) -> {
            if (error == null) {
              write(ack, frame, answer);
            } else {
              Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                  ? error.getCause() : error;
              answer.completeExceptionally(new PacketError(503, "not connected: " + (cause instanceof TimeoutException
                  ? "no connection within " + options.connectTimeout().toMillis() + " ms" : cause.getMessage())));
            }
          });
    }
    return answer.handle((args, error) -> {
      pending.remove(ack);
      if (error != null) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
        throw cause instanceof TimeoutException
            ? new PacketError(408, "no response to " + what + " within " + timeout + " ms")
            : cause instanceof PacketError p ? p : new PacketError(503, String.valueOf(cause.getMessage()));
      }
      return response(args);
    });
  }

  /** Writes {@code frame} under {@code ack}; a write that fails fails {@code answer} with 503. */
  private void write(int ack, AckedWrite frame, CompletableFuture<JSONArray> answer) {
    try {
      frame.write(ack);
    } catch (IOException | RuntimeException e) {
      answer.completeExceptionally(new PacketError(503, "not connected: " + e.getMessage()));
    }
  }

  /**
   * Sends a packet that declares its answer ({@link Request Request&lt;R&gt;}) and completes with that answer as an
   * {@code R}; an answer of another type fails with {@link PacketError} 502. Otherwise as {@link #send(Object)}.
   */
  public <R> CompletableFuture<R> request(Request<R> packet) {
    return send((Object) packet).thenApply(answer -> Answers.as(packet, answer));
  }

  /** Sends a dehydrated packet, {@code ["Name", data]}, checked and encoded here first. */
  public CompletableFuture<Object> send(List<?> dehydrated) {
    try {
      return send(registry.hydrate(dehydrated));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private Object response(JSONArray args) {
    return Frames.answer(args, registry);
  }

  // ---- the connection

  /**
   * Connects on the options' way: the lane, Socket.IO, or (the default) the lane with Socket.IO when the lane's
   * websocket upgrade is refused (a proxy that passes only Socket.IO's path, a server without the lane); after such
   * a fallback this client stays on Socket.IO.
   */
  private CompletableFuture<Void> open() {
    CompletableFuture<Void> result = connected;
    boolean lane = options.transport() == ClientOptions.Transport.LANE
        || options.transport() == ClientOptions.Transport.AUTO && !laneRefused;
    try {
      openOn(lane ? new LaneWire(peer, registry) : new SocketIoWire(peer, registry));
    } catch (Exception e) {
      if (lane && options.transport() == ClientOptions.Transport.AUTO && !closed) {
        LOG.info("the packets lane of {} is refused ({}): connecting through Socket.IO", uri, describe(e));
        laneRefused = true;
        try {
          openOn(new SocketIoWire(peer, registry));
          return result;
        } catch (Exception again) {
          result.completeExceptionally(again);
          return result;
        }
      }
      result.completeExceptionally(e);
    }
    return result;
  }

  /**
   * Opens the websocket of {@code next} (blocking for its handshake). A server that answers the upgrade without the
   * wire's subprotocol does not speak it (a Socket.IO server that upgrades any path): the websocket is closed and
   * the open fails, so that the default falls back.
   */
  private void openOn(Wire next) throws Exception {
    String ws = uri.toString().replaceFirst("^http", "ws").replaceAll("/+$", "") + next.path();
    wire = next;
    WebSocketLink opened = new WebSocketLink(new WebSocketLink.Handler() {
          @Override
          public void text(String message) {
            read(next, message, null);
          }

          @Override
          public void binary(ByteBuffer message) {
            read(next, null, message);
          }

          @Override
          public void pong() {
            lastPing = System.nanoTime();
          }

          @Override
          public void closed(int code, String reason) {
            if (wire == next) {
              onDrop("closed: " + (reason == null || reason.isEmpty() ? String.valueOf(code) : reason));
            }
          }
        }, registry.limits().maxPacketBytes() + 1024);
    link = opened;
    opened.open(http, URI.create(ws), next.subprotocols(), Duration.ofMillis(ClientRuntime.HANDSHAKE_MILLIS));
    if (!next.subprotocols().isEmpty() && !next.subprotocols().contains(opened.subprotocol())) {
      wire = null;
      opened.close(1000, "");
      throw new IOException("the server upgraded " + next.path() + " without subprotocol " + next.subprotocols());
    }
    try {
      next.opened();
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot open the connection", e);
    }
  }

  /** A frame from the server, to its wire; a frame the wire cannot read is logged and dropped. */
  private void read(Wire from, String text, ByteBuffer binary) {
    if (closed) {
      return; // frames still in flight when the client closed: nobody handles them now
    }
    try {
      if (text != null) {
        from.text(text);
      } else {
        from.binary(binary);
      }
    } catch (RuntimeException e) {
      LOG.warn("a frame from {} could not be read: {}", uri, e.getMessage());
    }
  }

  /** What this client's wires tell it. */
  private final class Events implements Wire.Peer {
    @Override
    public void write(String text, byte[] binary) throws IOException {
      PacketClient.this.write(text, binary);
    }

    @Override
    public void ping() throws IOException {
      WebSocketLink current = link;
      if (current != null) {
        current.ping();
      }
    }

    @Override
    public JSONObject auth() {
      Map<String, Object> credentials = auth;
      return credentials == null ? null : (JSONObject) JsonBridge.toJson(credentials, registry);
    }

    @Override
    public String pid() {
      return pid;
    }

    @Override
    public String offset() {
      return lastOffset;
    }

    @Override
    public void connected(String id, String given) {
      recovered = given != null && given.equals(pid);
      if (!recovered) {
        lastOffset = null;
      }
      pid = given;
      socketId = id;
      backoffMillis = 100;
      moving = false;
    }

    @Override
    public void alive(long silence) {
      if (silence > 0) {
        silenceMillis = silence;
      }
      lastPing = System.nanoTime();
    }

    @Override
    public void control(String event, JSONObject data) {
      PacketClient.this.control(event, data);
    }

    @Override
    public void push(int packetId, byte[] payload, int ack, String offset) {
      PacketClient.this.push(packetId, payload, ack, offset);
    }

    @Override
    public void answer(int ack, JSONArray args) {
      Waiting waiting = pending.remove(ack);
      if (waiting != null) {
        waiting.answer().complete(args);
      }
    }

    @Override
    public void refused(PacketError error) {
      connected.completeExceptionally(error);
    }

    @Override
    public void dropped(String why) {
      onDrop(why);
    }
  }

  /** A JSON event: ready (the fingerprint checked), closed or refused by the server. */
  private void control(String event, JSONObject data) {
    if (event.equals("packets:ready")) {
      String theirs = data == null ? null : data.optString("fingerprint", null);
      if (theirs != null && !theirs.equals(registry.fingerprint())) {
        if (!options.allowRegistryMismatch()) {
          refuseRegistry(theirs);
          return;
        }
        LOG.warn("server {} speaks registry {}, this client {}: packets may not match", uri, theirs,
            registry.fingerprint());
      }
      sessionData = data == null || !data.has("session") ? null : JsonBridge.toJava(data.get("session"), 0);
      LOG.debug("connected to {} on {}: packet table {}, wire {}{}", uri, wire instanceof LaneWire ? "the lane"
          : "Socket.IO", theirs, PacketRegistry.WIRE_VERSION, recovered ? ", session recovered" : "");
      connected.complete(null);
      return;
    }
    if (event.equals("packets:close") || event.equals("packets:refused")) {
      closeReason = data == null ? event : data.optString("reason");
      if (event.equals("packets:refused")) {
        connected.completeExceptionally(new PacketError(data == null ? 401 : data.optInt("code", 401), closeReason));
      }
    }
  }

  /** A packet the server pushed: to its acceptor, on this client's handler thread; answered when it asked. */
  private void push(int packetId, byte[] payload, int ack, String offset) {
    if (offset != null && pid != null) {
      lastOffset = offset;
    }
    handlers().execute(() -> {
      Object outcome;
      try {
        outcome = dispatch(registry.decode(packetId, payload));
      } catch (PacketError e) {
        outcome = new PacketError(e.code(), e.reason());
      } catch (Exception e) {
        outcome = new PacketError(500, String.valueOf(e.getMessage()));
      }
      if (ack >= 0) {
        try {
          wire.answer(ack, outcome);
        } catch (IOException | RuntimeException e) {
          LOG.debug("cannot answer", e);
        }
      }
    });
  }

  /**
   * The server's packet table differs from this client's: the connect fails, naming the first packet that differs
   * (the server's table read from {@code /packets/schema.json}), and the client closes rather than reconnect to it.
   */
  private void refuseRegistry(String theirs) {
    CompletableFuture<Void> attempt = connected;
    PacketTableFetch.of(uri, options.tls()).whenComplete((table, error) -> {
      String why = table != null ? dev.packets.PacketTables.firstDifference(registry.table(), table)
          : "its table at " + uri + "/packets/schema.json could not be read (" + error.getMessage() + ")";
      PacketError refusal = new PacketError(409, "server " + uri + " speaks packet registry " + theirs
          + ", this client " + registry.fingerprint() + ": " + why + " (a packet sent would be another packet there;"
          + " ClientOptions.withRegistryMismatchAllowed(true) connects anyway)");
      closeReason = refusal.reason();
      attempt.completeExceptionally(refusal);
      close();
    });
  }

  /** A Bundle's packets go to their own acceptors, in order; the outcome is the list of their responses. */
  private Object dispatch(Object packet) throws Exception {
    if (packet instanceof dev.packets.Bundle bundle && !acceptors.containsKey(dev.packets.Bundle.class)) {
      List<Object> responses = new ArrayList<>();
      for (Object child : bundle.packets()) {
        Object response = dispatch(child);
        if (response instanceof PacketError e) {
          return e;
        }
        responses.add(response);
      }
      return responses;
    }
    @SuppressWarnings("unchecked")
    ClientAcceptor<Object> acceptor = (ClientAcceptor<Object>) acceptors.get(packet.getClass());
    return acceptor == null ? new PacketError(501, "no acceptor for " + registry.name(packet.getClass()))
        : acceptor.respond(packet);
  }

  /**
   * Queues a text frame, a binary frame, or both in that order on the websocket's outbound queue: the caller does not
   * wait for the network (a send from an acceptor, or from a load loop on the websocket's callback thread, must not). A write that
   * fails means the connection is going, and its close fails what awaits an answer.
   */
  private void write(String text, byte[] binary) throws IOException {
    WebSocketLink current = link;
    if (current == null) {
      throw new IOException("not connected");
    }
    current.write(text, binary);
  }

  private void onDrop(String why) {
    for (Waiting waiting : new ArrayList<>(pending.values())) {
      waiting.answer().completeExceptionally(new PacketError(503, "connection lost (" + why + ")"));
    }
    pending.clear();
    if (!connected.isDone()) {
      connected.completeExceptionally(new PacketError(503, why));
    }
    if (closed || !options.reconnect() && !moving) {
      return;
    }
    connected = new CompletableFuture<>();
    if (moving) {
      backoffMillis = 0;
    }
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    int wait = backoffMillis;
    backoffMillis = (int) Math.min(options.maxBackoff().toMillis(), backoffMillis * 2L);
    Runnable reconnect = () -> {
      if (closed) {
        return;
      }
      CompletableFuture<Void> attempt = connected;
      open();
      attempt.whenComplete((ok, error) -> {
        if (error != null && !closed) {
          connected = new CompletableFuture<>();
          scheduleReconnect();
        }
      });
    };
    try {
      // connecting blocks (the handshake): not on the timer thread the other clients' timers share
      timers.schedule(() -> runtime.connects.execute(reconnect), wait, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the last client closed meanwhile
    }
  }

  /**
   * Moves this client to another server of the same application (a node that sent a {@code Redirect}, say): the
   * connection here is dropped without a goodbye and made again at {@code server}, naming this client's session,
   * so a server that recovers sessions across nodes hands it over there (its socket id, attributes, rooms and the
   * pushes it missed). Sends waiting for an answer fail with 503 as on any drop; the packet table is not fetched
   * again (the nodes of one application speak the same). Returns at once; {@link #awaitConnected} waits for the
   * new connection.
   */
  public void moveTo(URI server) {
    URI target = URI.create(server.getScheme() + "://" + server.getRawAuthority());
    if (closed || target.equals(uri)) {
      return;
    }
    LOG.info("moving from {} to {}", uri, target);
    moving = true;
    uri = target;
    WebSocketLink current = link;
    if (current != null && current.isOpen()) {
      current.close(4000, "moving");
    } else {
      onDrop("moving");
    }
  }

  /**
   * Waits until (re)connected, through failed attempts while the client reconnects; fails at the timeout, when the
   * server refuses the client, or at once when it does not reconnect.
   */
  public void awaitConnected(Duration timeout) throws Exception {
    ClientFuture.checkNotIoThread("waiting for a connection");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      CompletableFuture<Void> attempt = connected;
      try {
        attempt.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        // an attempt that failed is followed by another while the client reconnects; a refusal is final
        boolean refused = e.getCause() instanceof PacketError error && error.code() != 503;
        if (closed || !options.reconnect() || refused || System.nanoTime() >= deadline) {
          throw e;
        }
        while (connected == attempt && !closed && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    WebSocketLink current = link;
    Wire leaving = wire;
    if (current != null && current.isOpen() && leaving != null) {
      leaving.goodbye();
      current.close(1000, "");
    }
    ExecutorService pool;
    synchronized (this) {
      pool = handlers;
    }
    if (pool != null) {
      pool.shutdownNow();
    }
    if (released.compareAndSet(false, true)) {
      ClientRuntime.release(runtime, this);
    }
  }
}
