package dev.packets.server;

import dev.packets.socketio.Answers;
import dev.packets.socketio.PacketError;
import dev.packets.socketio.Request;
import dev.packets.socketio.JsonBridge;
import dev.packets.Bundle;
import dev.packets.DecodeException;
import dev.packets.HydrationException;
import dev.packets.PacketException;
import dev.packets.PacketRegistry;
import dev.packets.codec.BundleCodec;
import io.socket.socketio.server.SocketIoSocket;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way in: each packet a socket sends is parsed (binary by id, or dehydrated JSON), rate-limited, queued in the
 * socket's {@link Lane}, run through the received hooks and its {@link Acceptor} (a Bundle's packets one by one),
 * and acked to the sender with {@code [null, response]}, {@code [null, <payload>, id]} or {@code [{code, reason}]}.
 */
final class Inbound {
  private static final Logger LOG = LoggerFactory.getLogger(PacketServer.class);

  private final ServerConfig config;
  private final Outbound outbound;
  private final PacketRegistry registry;
  private final ServerMetrics metrics;
  private final Executor workers;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong lastSlowWarning = new AtomicLong();
  /** Packet types whose acceptor once took too long on a read thread: they run on the worker pool. */
  private final Set<Class<?>> slow = ConcurrentHashMap.newKeySet();

  private final Permissions permissions;

  Inbound(ServerConfig config, ServerMetrics metrics, Executor workers, Outbound outbound, Permissions permissions) {
    this.permissions = permissions;
    this.config = config;
    this.outbound = outbound;
    this.registry = config.registry();
    this.metrics = metrics;
    this.workers = workers;
  }

  /** Packets being handled: accepted but not yet answered. */
  int inFlight() {
    return inFlight.get();
  }

  /** An event the Socket.IO library parsed: a packet by id, or a dehydrated one by name. */
  void onEvent(PacketSocket socket, String event, Object[] args) {
    SocketIoSocket.ReceivedByLocalAcknowledgementCallback callback = null;
    int count = args.length;
    if (count > 0 && args[count - 1] instanceof SocketIoSocket.ReceivedByLocalAcknowledgementCallback library) {
      callback = library;
      count--;
    }
    int arguments = count;
    if (!socket.spoken) {
      // a client whose first packet is dehydrated reads packets so too (it has no codecs); one whose first is
      // binary keeps binary (flecks' clients send both)
      socket.spoken = true;
      if (config.dehydrated() && !event.isEmpty() && !Character.isDigit(event.charAt(0)) && registry.contains(event)) {
        socket.json = true;
      }
    }
    receive(socket, callback == null ? null : new FastAck(socket, null, -1, callback),
        () -> parse(event, args, arguments));
  }

  /** A packet that came the hot way (see {@code FastLane}): its id and payload; {@code ack} null when unwanted. */
  void onPacket(PacketSocket socket, int id, byte[] payload, Answer ack) {
    if (!socket.spoken) {
      socket.spoken = true;
    }
    receive(socket, ack, () -> decode(id, payload));
  }

  /** Before admission, at most this many packets wait in a socket's lane (undecoded ones are refused). */
  static final int MAX_QUEUED_BEFORE_ADMISSION = 16;

  /**
   * Checks the rate limit and the lane's bound, parses, charges a Bundle's other packets, queues the packet in its
   * socket's lane, accepts it there and acks it.
   */
  private void receive(PacketSocket socket, Answer ack,
      java.util.function.Supplier<Object> parsing) {
    Lane lane = socket.lane;
    if (lane == null) {
      return;
    }
    metrics.packetsIn.increment();
    if (!lane.bucket.take()) {
      overLimit(socket, lane, ack);
      return;
    }
    synchronized (lane) {
      int max = lane.admitting ? Math.min(MAX_QUEUED_BEFORE_ADMISSION, config.maxQueuedPackets())
          : config.maxQueuedPackets();
      if (lane.queued >= max) {
        metrics.refused.increment();
        reply(socket, ack, null, new PacketError(503, lane.admitting
            ? "the connection is not admitted yet: at most " + max + " packets may wait"
            : "at most " + max + " packets may wait for their answers"));
        return;
      }
      lane.queued++;
    }
    Object packet;
    try {
      packet = parsing.get();
      if (packet instanceof Bundle bundle) {
        int count = BundleCodec.count(bundle, registry.limits(), 1);
        if (count > 1 && !lane.bucket.take(count - 1)) {
          dequeue(lane);
          overLimit(socket, lane, ack);
          return;
        }
      }
    } catch (PacketError e) {
      dequeue(lane);
      metrics.errors.increment();
      LOG.debug("socket {} sent a bad packet: {}", socket.id(), e.getMessage());
      reply(socket, ack, null, e);
      return;
    } catch (PacketException e) {
      dequeue(lane);
      metrics.errors.increment();
      reply(socket, ack, null, new PacketError(400, e.getMessage()));
      return;
    }
    inFlight.incrementAndGet();
    synchronized (lane) {
      java.util.function.Function<Object, CompletableFuture<Void>> run = ignored -> deadline(packet,
          handle(socket, packet)).handle((response, error) -> {
            reply(socket, ack, packet, error == null ? response : unwrap(error));
            inFlight.decrementAndGet();
            dequeue(lane);
            return null;
          });
      if (config.acceptorExecutor() == null && lane.tail.isDone() && !slow.contains(packet.getClass())) {
        // fast path: nothing queued on this socket, so run here, on the connection's read thread; an acceptor
        // that once took too long there runs on the worker pool from then on
        long start = System.nanoTime();
        lane.tail = run.apply(null);
        if (warnIfSlow(start, packet)) {
          slow.add(packet.getClass());
        }
      } else {
        lane.tail = lane.tail.thenComposeAsync(run, config.acceptorExecutor() == null ? workers : config.acceptorExecutor())
            .exceptionally(error -> {
              // the pool refused the work (it is full): the packet is answered, the lane goes on
              reply(socket, ack, packet, new PacketError(503, "server busy"));
              inFlight.decrementAndGet();
              dequeue(lane);
              return null;
            });
      }
    }
  }

  private static void dequeue(Lane lane) {
    synchronized (lane) {
      lane.queued--;
    }
  }

  /** Answers 429 and, after too many in a row, closes the socket. */
  private void overLimit(PacketSocket socket, Lane lane, Answer ack) {
    metrics.refused.increment();
    reply(socket, ack, null, new PacketError(429, "too many packets: at most " + config.ratePerSecond()
        + " a second, bursts of " + config.rateBurst() + " (each packet of a Bundle counts)"));
    if (lane.bucket.strikes() >= config.rateStrikes()) {
      LOG.warn("disconnecting socket {} ({}): {} packets over its rate limit in a row", socket.id(),
          socket.remoteAddress(), lane.bucket.strikes());
      outbound.close(socket, "rate limit exceeded");
    }
  }

  /**
   * The acceptor deadline, for the whole received packet (a Bundle's packets together): past it the sender gets
   * 504, and the socket's next packets go on.
   */
  private CompletableFuture<Object> deadline(Object packet, CompletableFuture<Object> result) {
    if (result.isDone()) {
      return result;
    }
    long limit = config.acceptorTimeout().toMillis();
    return result.copy().orTimeout(limit, TimeUnit.MILLISECONDS).exceptionally(error -> {
      Throwable cause = unwrap(error);
      if (cause instanceof java.util.concurrent.TimeoutException) {
        throw new PacketError(504, name(packet) + ": no response from its acceptor within " + limit + " ms");
      }
      throw error instanceof java.util.concurrent.CompletionException c ? c
          : new java.util.concurrent.CompletionException(error);
    });
  }

  private String name(Object packet) {
    return packet == null ? "packet" : registry.contains(packet.getClass()) ? registry.name(packet.getClass())
        : packet.getClass().getSimpleName();
  }

  /**
   * Whether work on a connection's read thread took over {@link ServerBuilder#SLOW_MILLIS}; warns (at most every ten
   * seconds) when it did: with inline reads, it held up every connection of its selector.
   */
  private boolean warnIfSlow(long startNanos, Object packet) {
    long took = System.nanoTime() - startNanos;
    if (took < TimeUnit.MILLISECONDS.toNanos(ServerBuilder.SLOW_MILLIS)) {
      return false;
    }
    long now = System.nanoTime();
    long last = lastSlowWarning.get();
    if ((last == 0 || now - last > TimeUnit.SECONDS.toNanos(10)) && lastSlowWarning.compareAndSet(last, now)) {
      LOG.warn("the acceptor of {} took {} ms on a connection's read thread{}; it runs on the worker pool from now on. Return a "
          + "CompletionStage for slow work, or set PacketServer.builder().acceptorExecutor(...)", name(packet),
          TimeUnit.NANOSECONDS.toMillis(took), config.inlineReads() ? ", holding up every connection of its selector"
          : "");
    }
    return true;
  }

  private Object parse(String event, Object[] args, int count) {
    if (!event.isEmpty() && event.length() <= 5 && event.chars().allMatch(Character::isDigit)) {
      int id = Integer.parseInt(event);
      if (registry.codecOrNull(id) == null) {
        throw new PacketError(404, unknown(id));
      }
      if (count != 1 || !(args[0] instanceof byte[] payload)) {
        throw new PacketError(400, registry.name(id) + ": a packet is one binary attachment, got " + count
            + " argument(s)");
      }
      return decode(id, payload);
    }
    if (!config.dehydrated()) {
      throw new PacketError(400, "'" + event + "': send packets by numeric id with a binary payload");
    }
    if (!registry.contains(event)) {
      throw new PacketError(404, "unknown packet '" + event + "'");
    }
    try {
      Object data = count == 0 ? null : JsonBridge.toJava(args[0], 0);
      return registry.hydrate(java.util.Arrays.asList(event, data));
    } catch (HydrationException e) {
      throw new PacketError(400, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new PacketError(400, event + ": " + e.getMessage());
    }
  }

  /** A packet's payload decoded, or the error its sender is acked with (404, 413, 400). */
  private Object decode(int id, byte[] payload) {
    if (registry.codecOrNull(id) == null) {
      throw new PacketError(404, unknown(id));
    }
    metrics.bytesIn.add(payload.length);
    if (payload.length > config.maxPayloadBytes()) {
      throw new PacketError(413, registry.name(id) + ": payload of " + payload.length
          + " bytes exceeds the limit of " + config.maxPayloadBytes());
    }
    try {
      return registry.decode(id, payload);
    } catch (DecodeException e) {
      throw new PacketError(400, e.getMessage());
    }
  }

  private String unknown(int id) {
    return "unknown packet id " + id + " (ids are 1.." + registry.size() + ")";
  }

  /** Runs a packet (each packet of a Bundle, in order) through the hooks and its acceptor. */
  private CompletableFuture<Object> handle(PacketSocket socket, Object packet) {
    Object accepted;
    try {
      accepted = packet;
      for (Hooks.Received hook : config.onReceived()) {
        accepted = hook.received(accepted, socket);
        if (accepted == null) {
          return CompletableFuture.failedFuture(new PacketError(403, "refused"));
        }
      }
    } catch (RuntimeException e) { // a hook's PacketError refuses with its code; anything else is a 500
      return CompletableFuture.failedFuture(e);
    }
    if (accepted instanceof Bundle bundle) {
      CompletableFuture<List<Object>> all = CompletableFuture.completedFuture(new ArrayList<>());
      for (Object child : bundle.packets()) {
        all = all.thenCompose(list -> handle(socket, child).thenApply(r -> {
          list.add(r);
          return list;
        }));
      }
      return all.thenApply(list -> list);
    }
    return accept(socket, accepted);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private CompletableFuture<Object> accept(PacketSocket socket, Object packet) {
    Acceptor acceptor = config.acceptors().get(packet.getClass());
    if (acceptor == null) {
      return CompletableFuture.failedFuture(new PacketError(501, "no acceptor for " + registry.name(packet.getClass())));
    }
    long start = System.nanoTime();
    CompletableFuture<Object> result;
    try {
      String denied = permissions.deny(socket, packet);
      if (denied != null) {
        throw new PacketError(403, denied);
      }
      acceptor.validate(packet, socket);
      Object response = acceptor.respond(packet, socket);
      result = response instanceof CompletionStage<?> stage
          ? (CompletableFuture<Object>) stage.toCompletableFuture() : CompletableFuture.completedFuture(response);
    } catch (PacketError e) {
      metrics.refused.increment();
      result = CompletableFuture.failedFuture(e);
    } catch (Exception e) {
      result = CompletableFuture.failedFuture(e);
    }
    return result.whenComplete((r, e) -> {
      metrics.acceptorNanos.add(System.nanoTime() - start);
      metrics.acceptorCalls.increment();
    }).thenApply(response -> {
      Object out = response;
      for (Hooks.Responding hook : config.onResponding()) {
        out = hook.responding(packet, out, socket);
      }
      if (packet instanceof Request<?> && !Answers.conforms(packet.getClass(), out)) {
        throw new IllegalStateException(name(packet) + " declares it is answered with a "
            + Answers.type(packet.getClass()).getSimpleName() + ", and its acceptor answered "
            + (out == null ? "null" : "a " + out.getClass().getSimpleName()));
      }
      return out;
    });
  }

  static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.util.concurrent.ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /**
   * Acks the sender when it asked: {@code [null, response]}, {@code [null, payload, id]} (to a client that reads
   * packets as JSON: {@code [null, ["Name", data]]}) or {@code [{code, reason}]}.
   */
  private void reply(PacketSocket socket, Answer ack, Object packet, Object outcome) {
    if (outcome instanceof Throwable error) {
      PacketError failure = error instanceof PacketError p ? p
          : error instanceof java.util.concurrent.RejectedExecutionException ? new PacketError(503, "server busy")
          : internal(packet, error);
      if (ack == null) {
        return;
      }
      ack.error(failure);
      metrics.packetsOut.increment();
      return;
    }
    if (ack == null) {
      return;
    }
    byte[] payload = null;
    Object json = null;
    try {
      if (outcome != null && registry.contains(outcome.getClass()) && !socket.json) {
        payload = registry.encode(outcome);
        metrics.bytesOut.add(payload.length);
      } else {
        json = JsonBridge.toJson(outcome, registry);
      }
    } catch (PacketException | IllegalArgumentException e) {
      reply(socket, ack, packet, internal(packet, e));
      return;
    }
    if (payload != null) {
      ack.packet(registry.id(outcome.getClass()), payload);
    } else {
      ack.value(json);
    }
    metrics.packetsOut.increment();
  }

  /**
   * A 500 for an acceptor that threw: {@code internal error (id …)}, the id also in the log line with the stack
   * trace; the exception itself only in development mode.
   */
  private PacketError internal(Object packet, Throwable error) {
    metrics.errors.increment();
    String id = Correlation.next();
    LOG.warn("acceptor of {} failed ({})", name(packet), id, error);
    if (config.development()) {
      StringWriter trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      return new PacketError(500, "internal error (id " + id + "): " + trace);
    }
    return new PacketError(500, "internal error (id " + id + ")");
  }
}
