package dev.packets.server;

import dev.packets.PacketRegistry;
import dev.packets.socketio.Frames;
import dev.packets.socketio.PacketError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.json.JSONObject;

/**
 * The way out: everything the server sends to a socket — pushes, broadcast copies, sends that await the client's
 * answer, JSON events, closes — becomes a {@link Mailbox.Send} offered to that socket's mailbox, which writes it
 * from the outbound pool. Nothing here writes to a connection or waits for one.
 */
final class Outbound {
  private final PacketRegistry registry;
  private final ServerConfig config;
  private final ServerMetrics metrics;
  /** Packets for the clients that read them as JSON. */
  private final JsonOut json;
  private final Permissions permissions;
  /** Where mailboxes drain: a small pool, since websocket writes only queue frames. */
  private final ExecutorService pool;

  Outbound(ServerConfig config, ServerMetrics metrics, Permissions permissions) {
    this.permissions = permissions;
    this.registry = config.registry();
    this.config = config;
    this.metrics = metrics;
    this.json = new JsonOut(config.registry());
    this.pool = Pools.bounded("packets-out-", Math.max(4, 4 * Runtime.getRuntime().availableProcessors()),
        Integer.MAX_VALUE);
  }

  /** The pool mailboxes drain on (and timers that must not run on a caller's thread). */
  ExecutorService pool() {
    return pool;
  }

  /** A new mailbox for the socket on {@code session}, with the configured byte budget. */
  Mailbox mailbox(Mailbox.Outlet outlet, String session) {
    return new Mailbox(config.outboundBudget(), pool, outlet, session);
  }

  /** The fewest mailboxes one task of the outbound pool drains after a fan-out. */
  static final int DRAIN_BATCH = 32;
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  /**
   * Pushes an already encoded packet to every target, the same bytes to each: one {@link Mailbox.Send} for all
   * (sessions that can be recovered get one each, with their offset), and the mailboxes drained in as many tasks as
   * there are cores (of {@value #DRAIN_BATCH} at least), not a task each: a broadcast to 1,000 websockets on two
   * cores is two tasks (a websocket write only queues frames; a polling session's mailbox drains alone).
   */
  void pushEncoded(java.util.Collection<PacketSocket> targets, int id, byte[] payload) {
    if (permissions.filters(registry.type(id))) {
      targets = guarded(targets, id, payload);
    }
    FanOut fanOut = new FanOut(id, payload);
    int batch = Math.max(DRAIN_BATCH, (targets.size() + CORES - 1) / CORES);
    Mailbox[] due = new Mailbox[Math.min(batch, targets.size())];
    Mailbox.Send[] carried = new Mailbox.Send[due.length];
    int n = 0;
    for (PacketSocket socket : targets) {
      Mailbox mailbox = socket.mailbox();
      int left;
      Mailbox.Send shared = null;
      if (socket.backlog == null && !socket.json) {
        metrics.packetsOut.increment();
        metrics.bytesOut.add(payload.length);
        shared = socket.link().shared(fanOut);
        left = mailbox.offerFanOut(shared);
      } else {
        left = push(socket, id, payload, true) ? Mailbox.DRAIN : Mailbox.NOTHING;
      }
      if (left != Mailbox.NOTHING && !mailbox.carried()) {
        // through the library (polling): a write there may block on a client that does not read, so such a
        // mailbox drains in a task of its own and holds up no other socket's
        Mailbox.Send send = left == Mailbox.CARRY ? shared : null;
        pool.execute(() -> {
          if (send != null) {
            mailbox.writeCarried(send);
          } else {
            mailbox.drainDeferred();
          }
        });
      } else if (left != Mailbox.NOTHING) {
        due[n] = mailbox;
        carried[n++] = left == Mailbox.CARRY ? shared : null;
        if (n == due.length) {
          drainLater(due, carried, n);
          due = new Mailbox[due.length];
          carried = new Mailbox.Send[due.length];
          n = 0;
        }
      }
    }
    if (n > 0) {
      drainLater(due, carried, n);
    }
  }

  /**
   * The targets that receive {@code payload} as it is, after each recipient's outbound guards; those given another
   * packet get it pushed here, encoded for them, and those given nothing are left out.
   */
  private Collection<PacketSocket> guarded(Collection<PacketSocket> targets, int id,
      byte[] payload) {
    Object packet = registry.decode(id, payload);
    List<PacketSocket> same = new ArrayList<>(targets.size());
    for (PacketSocket socket : targets) {
      Object out;
      try {
        out = permissions.filter(socket, packet);
      } catch (RuntimeException e) {
        PacketServer.LOG.warn("an outbound guard of {} failed for socket {}: not sent to it", registry.name(id),
            socket.id(), e);
        continue;
      }
      if (out == packet) {
        same.add(socket);
      } else if (out != null) {
        pushUnguarded(socket, out); // what the guards chose: not guarded again
      }
    }
    return same;
  }

  private void drainLater(Mailbox[] due, Mailbox.Send[] carried, int n) {
    pool.execute(() -> {
      for (int i = 0; i < n; i++) {
        if (carried[i] != null) {
          due[i].writeCarried(carried[i]);
        } else {
          due[i].drainDeferred();
        }
      }
    });
  }

  /** Pushes one packet to one socket (what its outbound guards let through); an unencodable one fails here. */
  void push(PacketSocket socket, Object packet) {
    Object out = permissions.filters(packet.getClass()) ? permissions.filter(socket, packet) : packet;
    if (out != null) {
      pushUnguarded(socket, out);
    }
  }

  private void pushUnguarded(PacketSocket socket, Object packet) {
    byte[] payload = registry.encode(packet);
    int id = registry.id(packet.getClass());
    push(socket, id, payload, false);
  }

  /** Offers a push; {@code deferred}: true when the caller must have the mailbox drained. */
  private boolean push(PacketSocket socket, int id, byte[] payload, boolean deferred) {
    metrics.packetsOut.increment();
    metrics.bytesOut.add(payload.length);
    Backlog backlog = socket.backlog;
    if (backlog == null) {
      return offer(socket, id, payload, null, deferred);
    }
    // a session that can be recovered: each push gets its offset and is kept, and is offered under the socket's
    // lock, so what a recovery sends again and what comes after it stay in order
    synchronized (socket) {
      long offset = backlog.append(id, payload, socket.parked, config.recoveryPackets(), config.recoveryBytes(),
          metrics.parkedBytes, config.recovery().maxParkedBytes());
      if (socket.parked) {
        return false;
      }
      return offer(socket, id, payload, Backlog.text(offset), deferred);
    }
  }

  /** Sends again, in order, what a recovered session missed; the caller holds the socket's lock. */
  void replay(PacketSocket socket, java.util.List<Backlog.Entry> missed) {
    for (Backlog.Entry entry : missed) {
      metrics.packetsOut.increment();
      metrics.bytesOut.add(entry.payload().length);
      offer(socket, entry.packetId(), entry.payload(), Backlog.text(entry.offset()), false);
    }
  }

  private boolean offer(PacketSocket socket, int id, byte[] payload, String offset, boolean deferred) {
    Mailbox.Send send = socket.json && socket.link() instanceof SocketIoLink link
        ? json.push(link.raw(), id, payload, offset) : socket.link().push(id, payload, offset);
    if (deferred) {
      return socket.mailbox().offerDeferred(send);
    }
    socket.mailbox().offer(send);
    return false;
  }

  /** Queues a JSON event ({@code packets:ready}, {@code packets:close}…) for one socket. */
  void event(PacketSocket socket, String event, JSONObject data) {
    socket.mailbox().offer(socket.link().event(event, data));
  }

  /** Tells the client why, then disconnects it once what was queued before is written. */
  void close(PacketSocket socket, String reason) {
    socket.ending = true;
    event(socket, PacketServer.CLOSE_EVENT, new JSONObject().put("reason", reason));
    disconnectAfterMailbox(socket);
  }

  /** Disconnects a socket from its mailbox's drain, after everything queued before. */
  void disconnectAfterMailbox(PacketSocket socket) {
    socket.ending = true;
    Link link = socket.link();
    socket.mailbox().offer(Mailbox.Send.library(link::disconnect, 0));
  }

  /**
   * Sends a packet and completes with the client's response (its ack), or fails after the ack timeout; the server's
   * own ack ids and a bounded table of sends awaiting an answer, cleaned on timeout and disconnect.
   */
  CompletableFuture<Object> send(PacketSocket socket, Object packet) {
    byte[] payload;
    int id;
    try {
      if (permissions.filters(packet.getClass())) {
        Object out = permissions.filter(socket, packet);
        if (out == null) {
          return CompletableFuture.failedFuture(new PacketError(403, "an outbound guard withholds "
              + registry.name(packet.getClass()) + " from this socket"));
        }
        packet = out;
      }
      payload = registry.encode(packet);
      id = registry.id(packet.getClass());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    Map<Integer, CompletableFuture<Object>> awaiting = socket.awaiting();
    if (awaiting.size() >= config.maxAwaitingAcks()) {
      return CompletableFuture.failedFuture(new PacketError(503, config.maxAwaitingAcks()
          + " sends to this socket already await an answer"));
    }
    metrics.packetsOut.increment();
    metrics.bytesOut.add(payload.length);
    int ack = socket.nextAckId();
    CompletableFuture<Object> response = new CompletableFuture<>();
    awaiting.put(ack, response);
    Mailbox.Send out = socket.json && socket.link() instanceof SocketIoLink link ? json.send(link.raw(), ack, id, payload)
        : socket.link().request(ack, id, payload);
    if (!socket.mailbox().offer(out)) {
      awaiting.remove(ack);
      return CompletableFuture.failedFuture(new PacketError(503, "the socket is closed"));
    }
    long timeout = config.ackTimeout().toMillis();
    return response.orTimeout(timeout, TimeUnit.MILLISECONDS).handle((value, error) -> {
      awaiting.remove(ack);
      if (error == null) {
        return value;
      }
      Throwable cause = Inbound.unwrap(error);
      throw cause instanceof TimeoutException
          ? new PacketError(408, "no response to " + registry.name(id) + " within " + timeout + " ms")
          : new CompletionException(cause);
    });
  }

  /**
   * Completes the send that awaits the client's ack {@code ackId}: {@code [null, value]}, {@code [null, payload,
   * id]} with the attachment, or {@code [{code, reason}]}. An ack for no such send is dropped.
   */
  void answered(PacketSocket socket, int ackId, org.json.JSONArray args) {
    Map<Integer, CompletableFuture<Object>> awaiting = socket.awaitingOrNull();
    CompletableFuture<Object> waiting = awaiting == null ? null : awaiting.remove(ackId);
    if (waiting == null) {
      return;
    }
    try {
      waiting.complete(Frames.answer(args, registry));
    } catch (PacketError refused) {
      waiting.completeExceptionally(refused);
    } catch (RuntimeException e) {
      waiting.completeExceptionally(new PacketError(400, "a malformed answer: " + e.getMessage()));
    }
  }

  void shutdown() {
    pool.shutdownNow();
  }
}
