package dev.packets.server;

import dev.packets.server.auth.Admission;
import dev.packets.server.engine.FrameWriter;
import dev.packets.server.engine.Gate;
import dev.packets.server.engine.LaneConnection;
import dev.packets.server.engine.PollingServlet;
import dev.packets.server.engine.TokenBucket;
import dev.packets.socketio.Frames;
import dev.packets.socketio.JsonBridge;
import dev.packets.socketio.PacketError;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.socketio.server.SocketIoSocket;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is connected, and how they get in and out: engine.io sessions counted by the {@link Gate} from handshake to
 * close; a socket per session (a second CONNECT closes the session), its mailbox and lane; admission through
 * authentication and the connect hooks under a timeout; and the per-socket state dropped at disconnect.
 */
final class Sessions implements Mailbox.Outlet, Recovery.Holder {
  private static final Logger LOG = LoggerFactory.getLogger(PacketServer.class);

  private final PacketServer server;
  private final ServerConfig config;
  private final ServerMetrics metrics;
  private final Gate gate;
  private final Outbound outbound;
  private final Inbound inbound;
  private final Executor workers;
  private final Authentication authentication;
  private final Reauthentication reauthentication;
  /** Admitted sockets by socket id. */
  private final Map<String, PacketSocket> sockets = new ConcurrentHashMap<>();
  /** Connected sockets (admitted or still in their connect hooks) by engine.io session id, for the hot path. */
  private final Map<String, PacketSocket> bySession = new ConcurrentHashMap<>();
  /** The websocket each engine.io session is carried on, for writing packets past the library. */
  private final Map<String, FrameWriter> writers = new ConcurrentHashMap<>();
  /** The client address of each engine.io session, as the {@link Gate} saw it at the handshake. */
  private final Map<String, String> addresses = new ConcurrentHashMap<>();
  private volatile PollingServlet polling;
  /** Told of every socket admitted and gone (presence across the cluster). */
  private volatile Cluster cluster;
  /** Sessions that survive a reconnect (null: none do), and the door where a CONNECT asks for one. */
  private volatile Recovery recovery;
  private volatile Reconnects reconnects;
  /** Why a connection may break without the client or the server meaning it to: only then is a session parked. */
  private static final java.util.Set<String> BROKEN = java.util.Set.of("transport close", "transport error",
      "ping timeout");

  Sessions(PacketServer server, ServerConfig config, ServerMetrics metrics, Gate gate, Outbound outbound,
      Inbound inbound, Executor workers) {
    this.server = server;
    this.config = config;
    this.authentication = new Authentication(config.authentication());
    this.reauthentication = new Reauthentication(authentication, config, metrics, outbound, workers,
        sockets::values);
    this.metrics = metrics;
    this.gate = gate;
    this.outbound = outbound;
    this.inbound = inbound;
    this.workers = workers;
  }

  /** The long-polling transport, whose pending answers a closed session drops. */
  void polling(PollingServlet polling) {
    this.polling = polling;
  }

  void cluster(Cluster cluster) {
    this.cluster = cluster;
  }

  void recovery(Recovery recovery, Reconnects reconnects) {
    this.recovery = recovery;
    this.reconnects = reconnects;
  }

  /** The door where a CONNECT or a lane's hello asks to recover a session, or null (sessions are not kept). */
  Reconnects reconnects() {
    return reconnects;
  }

  /** The re-checks and re-authentications of admitted principals. */
  Reauthentication reauthentication() {
    return reauthentication;
  }

  /** The admitted sockets. */
  Collection<PacketSocket> admitted() {
    return sockets.values();
  }

  /** The socket (admitted or still in its hooks) on engine.io session {@code sid}, or null. */
  PacketSocket bySession(String sid) {
    return sid == null ? null : bySession.get(sid);
  }

  /** A websocket now carries session {@code sid}: the socket's mailbox writes to it directly. */
  void carried(String sid, FrameWriter writer) {
    writers.put(sid, writer);
    PacketSocket socket = bySession.get(sid);
    if (socket != null) {
      socket.mailbox().carriedBy(writer);
    }
  }

  /** The websocket that carried session {@code sid} closed. */
  void uncarried(String sid, FrameWriter writer) {
    writers.remove(sid, writer);
    PacketSocket socket = bySession.get(sid);
    if (socket != null) {
      socket.mailbox().uncarried(writer);
    }
  }

  /** Engine.io opened a session (a handshake on either transport): counted by the gate until it closes. */
  void opened(EngineIoSocket session) {
    String sid = session.getId();
    String address = Gate.handshakeAddress() == null ? "unknown" : Gate.handshakeAddress();
    if (!gate.enter(address)) {
      session.close();
      return;
    }
    addresses.put(sid, address);
    if (Gate.handshakePolling()) {
      // only the library holds a polling session's answers until a GET takes them; a session opened on a websocket
      // is written at once (and pays for no listener)
      session.on("flush", (s, args) -> {
        PacketSocket socket = bySession.get(sid);
        if (socket != null) {
          socket.mailbox().libraryFlushed();
        }
      });
    }
    Reconnects door = reconnects;
    if (door != null) {
      door.watch(session);
    }
    ScheduledFuture<?>[] timers = Gate.handshakeTimers();
    session.on("close", (s, args) -> {
      if (door != null) {
        door.closed(sid);
      }
      // the timers the handshake armed (socket.io's connection timeout among them) would hold the closed session
      for (ScheduledFuture<?> timer : timers) {
        timer.cancel(false);
      }
      gate.leave(address);
      addresses.remove(sid);
      writers.remove(sid);
      PollingServlet transport = polling;
      if (transport != null) {
        transport.forget(sid);
      }
      LibraryTimers.release(s);
    });
  }

  /** A Socket.IO CONNECT on the main namespace: a new socket, admitted now or after its hooks. */
  void connected(SocketIoSocket raw) {
    String session = raw.getClient().getId();
    if (bySession.containsKey(session)) {
      // a second CONNECT on one engine.io session would be another socket on the same connection, outside every
      // per-socket limit: the session is closed instead
      metrics.protocolErrors.increment();
      LOG.debug("session {} sent a second CONNECT: closed", session);
      raw.getClient().getConnection().close();
      return;
    }
    Reconnects door = reconnects;
    Reconnects.Decision decision = door == null ? null : door.take(session);
    // the socket keeps its address; the session's entry is not needed any more (one CONNECT a session)
    String address = addresses.remove(session);
    Object auth;
    try {
      auth = JsonBridge.toJava(raw.getConnectData(), 0);
    } catch (IllegalArgumentException e) {
      auth = null;
    }
    SocketIoLink link = new SocketIoLink(raw);
    PacketSocket socket = open(link, raw.getId(), auth, address == null ? "unknown" : address, decision);
    // a broadcast's one shared push, through the library when no websocket carries the session
    socket.mailbox().library(send -> raw.send(String.valueOf(send.packetId()), send.binary()));
    bySession.put(session, socket);
    // after the put: a websocket that takes the session over from now on tells the mailbox itself (carried());
    // one that did before is seen here (never overwritten with null: carried() may have run in between)
    FrameWriter carrier = writers.get(session);
    if (carrier != null) {
      socket.mailbox().carriedBy(carrier);
    }
    raw.registerAllEventListener((event, args) -> {
      if (PacketServer.REAUTHENTICATE_EVENT.equals(event)) {
        // only with an ack (its callback last) and the credentials before it
        Answer ack = args.length >= 2
            && args[args.length - 1] instanceof SocketIoSocket.ReceivedByLocalAcknowledgementCallback c
            ? new FastAck(socket, null, -1, c) : null;
        reauthentication.onEvent(socket, args.length > 0 ? args[0] : null, ack);
      } else {
        inbound.onEvent(socket, event, args);
      }
    });
    raw.on("disconnect", args -> disconnected(socket, link, args.length > 0 ? String.valueOf(args[0]) : "unknown"));
    admission(socket, decision == null ? null : decision.claim());
  }

  /**
   * A lane connection's hello: a new socket (or a recovered one, {@code decision}), its mailbox writing straight
   * onto the connection, admitted now or after its hooks.
   */
  void connected(LaneConnection connection, Object auth, Reconnects.Decision decision) {
    LaneLink link = new LaneLink(connection);
    PacketSocket socket = open(link, connection.id(), auth, connection.address(), decision);
    socket.json = false; // the lane carries binary packets only: its clients have codecs
    socket.spoken = true;
    socket.mailbox().carriedBy(connection);
    bySession.put(connection.id(), socket);
    link.socket(socket);
    connection.attach(link);
    if (!connection.isOpen()) {
      // it closed while its session was asked of the other nodes: it is over (or parked again) at once
      closed(link, 1006);
      return;
    }
    admission(socket, decision == null ? null : decision.claim());
  }

  /** A lane connection closed: its socket is parked (a connection that broke) or ends. */
  void closed(LaneLink link, int code) {
    // 1000 and 1001 (a page going away) are a client that meant to go; anything else broke
    disconnected(link.socket(), link, code == 1000 || code == 1001 ? "client namespace disconnect" : "transport close");
  }

  /**
   * The socket of a new connection, with its mailbox and lane: a claimed session ({@code decision}) resumed, or a
   * new one.
   */
  private PacketSocket open(Link link, String firstId, Object auth, String address, Reconnects.Decision decision) {
    Mailbox mailbox = outbound.mailbox(this, link.session());
    Lane lane = new Lane(new TokenBucket(config.ratePerSecond(), config.rateBurst()));
    if (decision != null && decision.claim() != null) {
      return resumed(decision.claim(), link, mailbox, address, lane);
    }
    if (decision != null && decision.asked()) {
      metrics.notRecovered.increment();
    }
    PacketSocket socket = new PacketSocket(server, outbound, link, firstId, auth, mailbox, address,
        decision == null ? null : decision.pid(), decision == null ? null : new Backlog(), null);
    socket.lane = lane;
    // a client says how it reads packets with {"packets": "json"} (it has no codecs) or {"packets": "binary"} in
    // its auth; else its first packet decides (see Inbound)
    Object reads = auth instanceof Map<?, ?> m ? m.get("packets") : null;
    socket.json = "json".equals(reads);
    socket.spoken = "json".equals(reads) || "binary".equals(reads);
    return socket;
  }

  /** Admits a new socket now, or after its authentication and connect hooks. */
  private void admission(PacketSocket socket, Recovery.Claim claim) {
    Lane lane = socket.lane;
    if (config.onConnect().isEmpty() && (claim != null || authentication.isEmpty())) {
      admit(socket, claim);
      return;
    }
    // hooks may block (a token checked against a database): they run on the worker pool, and packets that come
    // meanwhile wait in the socket's lane (a few of them: see Inbound) until the hooks let the socket in, or until
    // the authentication timeout refuses it
    CompletableFuture<Void> admitted = new CompletableFuture<>();
    lane.tail = admitted;
    lane.admitting = true;
    Object payload = socket.auth();
    long timeout = config.authenticationTimeout().toMillis();
    CompletableFuture.delayedExecutor(timeout, TimeUnit.MILLISECONDS, outbound.pool()).execute(() -> {
      if (!admitted.isDone()) {
        refuse(socket, admitted, new PacketError(408, "authentication timed out after " + timeout + " ms"));
      }
    });
    try {
      workers.execute(() -> {
        try {
          if (!authentication.isEmpty() && claim == null) {
            Admission admission = authentication.admit(socket, payload);
            socket.principal(admission.principal());
            socket.clientData(admission.clientData());
          }
          for (Hooks.Connect hook : config.onConnect()) {
            hook.connected(socket);
          }
        } catch (PacketError refusal) {
          refuse(socket, admitted, refusal);
          return;
        } catch (RuntimeException e) {
          String id = Correlation.next();
          LOG.warn("connect hook failed for socket {} ({})", socket.id(), id, e);
          refuse(socket, admitted, new PacketError(500, "internal error (id " + id + ")"));
          return;
        }
        if (!admitted.isDone()) {
          admit(socket, claim);
          admitted.complete(null);
        }
      });
    } catch (RejectedExecutionException busy) {
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
    outbound.event(socket, PacketServer.REFUSED_EVENT, Frames.errorJson(refusal));
    outbound.disconnectAfterMailbox(socket);
  }

  /**
   * A claimed session comes back on this connection: the one parked here, or one moved from another node made here;
   * it stays parked (its pushes kept, not sent) until it is admitted.
   */
  private PacketSocket resumed(Recovery.Claim claim, Link link, Mailbox mailbox, String address, Lane lane) {
    PacketSocket socket = claim.local();
    if (socket == null) {
      MovedSession moved = claim.moved();
      socket = new PacketSocket(server, outbound, link, null, moved.auth(), mailbox, address, moved.pid(),
          Backlog.moved(claim.offset(), moved.last(), moved.missed()), moved.id());
      socket.principal(moved.principal());
      socket.clientData(moved.clientData());
      socket.json = "json".equals(moved.reads());
      socket.spoken = moved.reads() != null;
      moved.attributes().forEach(socket::restore);
      moved.rooms().forEach(socket::join);
      synchronized (socket) {
        socket.parked = true;
      }
      sockets.put(socket.id(), socket);
    }
    synchronized (socket) {
      socket.resume(link, mailbox, address);
      socket.lane = lane;
      socket.gone = false;
    }
    return socket;
  }

  /**
   * Counts a socket in, lets its packets take the hot path, and tells its client it is ready; a recovered one
   * ({@code claim}) is sent again what it missed, in order, before anything pushed later.
   */
  private void admit(PacketSocket socket, Recovery.Claim claim) {
    synchronized (socket) {
      if (socket.gone) {
        return;
      }
      java.util.List<Backlog.Entry> missed = claim == null ? null : socket.backlog.after(claim.offset());
      if (claim != null && missed == null) {
        // over its budget between the claim and now: it cannot be recovered exactly
        socket.parked = false;
        if (socket.backlog != null) {
          socket.backlog.release(metrics.parkedBytes);
        }
        sockets.remove(socket.id(), socket);
        outbound.close(socket, "the pushes missed while disconnected were over the recovery budget");
        return;
      }
      sockets.put(socket.id(), socket);
      socket.lane.admitting = false;
      socket.counted = true;
      metrics.connections.incrementAndGet();
      metrics.connectionsTotal.increment();
      JSONObject ready = new JSONObject().put("fingerprint", config.registry().fingerprint());
      if (socket.onLane()) {
        // what Socket.IO's handshake and CONNECT answer tell its clients
        ready.put("id", socket.id()).put("pingInterval", config.pingInterval().toMillis())
            .put("pingTimeout", config.pingTimeout().toMillis());
        if (socket.pid != null) {
          ready.put("pid", socket.pid);
        }
      }
      if (socket.clientData() != null) {
        ready.put("session", JsonBridge.toJson(socket.clientData(), config.registry()));
      }
      if (socket.pid != null) {
        ready.put("recovered", claim != null);
      }
      outbound.event(socket, PacketServer.READY_EVENT, ready);
      if (socket.pid != null) {
        recovery.live(socket);
      }
      if (claim != null) {
        outbound.replay(socket, missed);
        socket.parked = false;
        if (socket.backlog != null) {
          socket.backlog.release(metrics.parkedBytes);
        }
        metrics.recovered.increment();
      }
    }
    Cluster presence = cluster;
    // a session recovered here never left this node's presence; one new here (or moved here) joins it
    if (presence != null && (claim == null || claim.moved() != null)) {
      presence.joined(socket);
    }
  }

  private void disconnected(PacketSocket socket, Link link, String reason) {
    synchronized (socket) {
      if (socket.link() != link || link == socket.takenOver) {
        return; // an old connection of a session that has come back on another, or was taken over
      }
    }
    detach(socket, link, reason, BROKEN.contains(reason));
  }

  @Override
  public boolean takeOver(PacketSocket socket) {
    Link old;
    synchronized (socket) {
      if (socket.gone || socket.parked || !socket.counted || socket.ending) {
        return false;
      }
      old = socket.link();
      socket.takenOver = old;
    }
    LOG.debug("socket {} is taken over by its client's new connection", socket.id());
    detach(socket, old, "taken over by a new connection", true);
    outbound.pool().execute(old::disconnect);
    synchronized (socket) {
      return socket.parked;
    }
  }

  /** A connection of {@code socket} is over: it is parked ({@code broken}, and it can be), or it ends. */
  private void detach(PacketSocket socket, Link link, String reason, boolean broken) {
    Recovery parking = recovery;
    boolean park = parking != null && socket.pid != null && !socket.ending && broken;
    boolean member;
    boolean counted;
    if (parking != null && socket.pid != null) {
      parking.gone(socket);
    }
    synchronized (socket) {
      if (socket.link() != link) {
        return;
      }
      socket.gone = true;
      // counted in connections on this connection (a recovered session still in its hooks is not yet)
      counted = socket.counted;
      socket.counted = false;
      park &= counted;
      member = park ? sockets.get(socket.id()) == socket : sockets.remove(socket.id(), socket);
    }
    socket.lane = null;
    socket.mailbox().close();
    bySession.remove(socket.session(), socket);
    PacketError gone = new PacketError(503, "disconnected: " + reason);
    Map<Integer, CompletableFuture<Object>> awaiting = socket.awaitingOrNull();
    if (awaiting != null) {
      awaiting.values().forEach(f -> f.completeExceptionally(gone));
      awaiting.clear();
    }
    if (counted) {
      metrics.connections.decrementAndGet();
    }
    if (!member) {
      return;
    }
    if (park && parking.park(socket)) {
      return; // in its rooms still, its pushes kept: its client may come back
    }
    ended(socket, reason, true);
  }

  /**
   * A session is over on this node: out of the admitted sockets and of presence, and its disconnect hooks run (for a
   * session that moved to another node too: with reason {@code moved to node <id>}, so that what this node held for
   * it can go).
   */
  @Override
  public void ended(PacketSocket socket, String reason, boolean hooks) {
    Recovery parking = recovery;
    if (parking != null && socket.pid != null) {
      parking.gone(socket);
    }
    synchronized (socket) {
      socket.parked = false;
      if (socket.backlog != null) {
        socket.backlog.release(metrics.parkedBytes);
      }
      sockets.remove(socket.id(), socket);
    }
    Cluster presence = cluster;
    if (presence != null) {
      presence.left(socket, reason);
    }
    if (hooks && !config.onDisconnect().isEmpty()) {
      // like connect hooks, these may block (saving a player's state): not on the read thread
      try {
        workers.execute(() -> {
          for (Hooks.Disconnect hook : config.onDisconnect()) {
            try {
              hook.disconnected(socket, reason);
            } catch (RuntimeException e) {
              LOG.warn("disconnect hook failed", e);
            }
          }
        });
      } catch (RejectedExecutionException busy) {
        LOG.warn("worker pool full: the disconnect hooks of socket {} did not run", socket.id());
      }
    }
  }

  /** A socket's outbound budget was exceeded: its client does not read. Closed at once, without waiting for it. */
  @Override
  public void overflow(String session, long pending) {
    PacketSocket socket = bySession.get(session);
    if (socket == null) {
      return;
    }
    metrics.outboundOverflows.increment();
    socket.ending = true;
    LOG.info("closing socket {} ({}): {} bytes wait to be written, over its outbound budget", socket.id(),
        socket.remoteAddress(), pending);
    FrameWriter writer = socket.link() instanceof LaneLink lane ? lane.connection() : writers.get(session);
    PollingServlet transport = polling;
    if (writer != null) {
      writer.abort(1008, "outbound budget exceeded");
    } else if (transport != null) {
      transport.abort(session);
    }
    Link link = socket.link();
    outbound.pool().execute(link::disconnect);
  }

  /** A session broke the protocol: counted; a polling one is disconnected (a websocket closed itself). */
  void protocolError(String sid, String reason) {
    metrics.protocolErrors.increment();
    LOG.debug("session {} closed: {}", sid, reason);
    PacketSocket socket = bySession(sid);
    if (socket != null) {
      socket.ending = true;
    }
    if (socket != null && writers.get(sid) == null && !(socket.link() instanceof LaneLink)) {
      Link link = socket.link();
      outbound.pool().execute(link::disconnect);
    }
  }
}
