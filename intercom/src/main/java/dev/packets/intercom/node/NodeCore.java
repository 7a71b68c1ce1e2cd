package dev.packets.intercom.node;

import dev.packets.intercom.AskContext;
import dev.packets.intercom.Handler;
import dev.packets.intercom.IntercomException;
import dev.packets.intercom.Subscriber;
import dev.packets.intercom.node.Frame.Publication;
import dev.packets.intercom.node.Frame.Reply;
import dev.packets.intercom.node.Frame.Request;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every transport's node does the same way: keeps the handlers and runs them on the node's executor, and
 * keeps this node's asks in flight with their timeouts.
 */
public final class NodeCore {
  private static final Logger log = LoggerFactory.getLogger(NodeCore.class);
  public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  private final String self;
  private final Executor executor;
  private final ExecutorService owned;
  private final Frames wire;
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
  private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
  private final List<java.util.function.Consumer<String>> leftListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Map<Long, Gathering> pending = new ConcurrentHashMap<>();
  /** Ask ids are random 63-bit numbers: a reply cannot be aimed at an ask by guessing its id. */
  private static final java.security.SecureRandom SEED = new java.security.SecureRandom();
  private volatile boolean closed;

  /**
   * @param executor where handlers run; null for a thread of the node's own, stopped on close
   * @param wire the codec that questions and answers pass through, or null to hand them over as they are
   */
  /** Handlers that take longer than this on an I/O thread are moved to the node's executor. */
  public static final long SLOW_MILLIS = 100;
  /** Question types whose handler once took too long on an I/O thread. */
  private final java.util.Set<String> slow = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public NodeCore(String self, Executor executor, Frames wire) {
    this.self = checkNode(self);
    if (executor == null) {
      owned = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "intercom-" + self);
        thread.setDaemon(true);
        return thread;
      });
      this.executor = owned;
    } else {
      owned = null;
      this.executor = executor;
    }
    this.wire = wire;
  }

  public static String checkNode(String id) {
    Objects.requireNonNull(id, "node id");
    int bytes = id.getBytes(StandardCharsets.UTF_8).length;
    if (bytes == 0 || bytes > Frames.MAX_NODE_BYTES) {
      throw new IllegalArgumentException("a node id has 1 to " + Frames.MAX_NODE_BYTES + " UTF-8 bytes, '" + id
          + "' has " + bytes);
    }
    return id;
  }

  public static String checkType(String type) {
    Objects.requireNonNull(type, "type");
    int bytes = type.getBytes(StandardCharsets.UTF_8).length;
    if (bytes == 0 || bytes > Frames.MAX_TYPE_BYTES) {
      throw new IllegalArgumentException("a question type has 1 to " + Frames.MAX_TYPE_BYTES + " UTF-8 bytes, '"
          + type + "' has " + bytes);
    }
    return type;
  }

  public static Duration checkTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("an ask timeout is positive and at most " + MAX_TIMEOUT + ", not "
          + timeout);
    }
    return timeout;
  }

  public String self() {
    return self;
  }

  /** The codec frames go through, or null when the transport carries them as objects. */
  Frames wire() {
    return wire;
  }

  /** Whether {@link #close()} was called. */
  public boolean closed() {
    return closed;
  }

  public void handle(String type, Handler handler) {
    handlers.put(checkType(type), Objects.requireNonNull(handler, "handler"));
  }

  public void unhandle(String type) {
    handlers.remove(type);
  }

  public void subscribe(String topic, Subscriber subscriber) {
    subscribers.put(checkType(topic), Objects.requireNonNull(subscriber, "subscriber"));
  }

  public void unsubscribe(String topic) {
    subscribers.remove(topic);
  }

  /** Hands a publication to this node's subscriber of its topic, on the node's executor; none, nothing happens. */
  public void deliver(Publication publication) {
    if (publication.problem() != null) {
      log.debug("{}: dropped a publication on '{}' from {}: {}", self, publication.topic(), publication.sender(),
          publication.problem());
      return;
    }
    Subscriber subscriber = subscribers.get(publication.topic());
    if (subscriber == null || closed) {
      return;
    }
    try {
      executor.execute(() -> {
        try {
          subscriber.receive(publication.payload(), publication.sender());
        } catch (Exception | Error e) {
          log.warn("{}: the subscriber of '{}' failed on a publication from {}: {}", self, publication.topic(),
              publication.sender(), e.toString());
        }
      });
    } catch (RejectedExecutionException e) {
      // the node is closing
    }
  }

  /** Starts an ask of {@code peers} and this node; it times out by itself. */
  public Gathering open(String type, Collection<String> peers, Duration timeout) {
    return start(new Gathering(nextId(), type, self, peers), type, timeout);
  }

  /** Starts an ask of exactly {@code nodes} (this node only if it is one of them); it times out by itself. */
  public Gathering openOf(String type, Collection<String> nodes, Duration timeout) {
    return start(new Gathering(nextId(), type, nodes), type, timeout);
  }

  private long nextId() {
    long id;
    do {
      id = java.util.concurrent.ThreadLocalRandom.current().nextLong() ^ SEED_BITS;
      id &= Long.MAX_VALUE;
    } while (id == 0 || pending.containsKey(id));
    return id;
  }

  /** Mixed into every id, so that ids are not the thread-local generator's sequence alone. */
  private static final long SEED_BITS = SEED.nextLong();

  private Gathering start(Gathering gathering, String type, Duration timeout) {
    pending.put(gathering.id(), gathering);
    gathering.future().whenComplete((result, error) -> pending.remove(gathering.id()));
    if (closed) {
      gathering.fail(new IntercomException("node " + self + " is closed: it cannot ask '" + type + "'"));
      return gathering;
    }
    // the ask's future completes by its timeout on the node's executor, never on the timer all nodes share: the
    // asker's callbacks run where it completes
    gathering.timer(Timers.TIMER.schedule(() -> offTimer(gathering::timeout), timeout.toNanos(),
        TimeUnit.NANOSECONDS));
    return gathering;
  }

  /** The outcome as the asking node reads it. */
  public Outcome throughWire(long ask, Outcome outcome) {
    return wire == null ? outcome : ((Reply) wire.read(wire.write(new Reply(self, ask, outcome)))).outcome();
  }

  /** Answers this node's own part of an ask directly: on the node's executor, or here when {@code inline}. */
  public void answerSelf(Gathering gathering, Request request, boolean inline) {
    (inline ? answerInline(request) : answer(request))
        .thenAccept(outcome -> gathering.offer(self, throughWire(gathering.id(), outcome)));
  }

  /**
   * Answers a request that came over the wire on the thread that read it (the transport's I/O thread): a thread
   * hand-off per request cost more than most handlers take (docs/benchmarks.md). A handler that once takes over
   * {@value #SLOW_MILLIS} ms there is logged and runs on the node's executor from then on, as do requests that
   * find no handler yet.
   */
  public CompletableFuture<Outcome> answerInline(Request request) {
    Handler handler = request.problem() == null ? handlers.get(request.type()) : null;
    if (handler == null || slow.contains(request.type()) || closed) {
      return answer(request);
    }
    CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    long start = System.nanoTime();
    run(handler, request, context(request), outcome);
    long took = System.nanoTime() - start;
    if (took > TimeUnit.MILLISECONDS.toNanos(SLOW_MILLIS) && slow.add(request.type())) {
      log.warn("{}: the handler for '{}' took {} ms on the intercom's I/O thread, holding up this node's other "
          + "messages; it runs on the node's executor from now on. Return a CompletionStage for slow work.", self,
          request.type(), TimeUnit.NANOSECONDS.toMillis(took));
    }
    return outcome;
  }

  private AskContext context(Request request) {
    return new AskContext(self, request.sender(), request.type(), Duration.ofMillis(request.timeoutMillis()));
  }

  /** Runs the handler for a request on the node's executor; the outcome never fails. */
  public CompletableFuture<Outcome> answer(Request request) {
    if (request.problem() != null) {
      log.warn("{}: cannot answer '{}' from {}: {}", self, request.type(), request.sender(), request.problem());
      return CompletableFuture.completedFuture(new Outcome.Failed(request.problem()));
    }
    Handler handler = handlers.get(request.type());
    if (handler == null) {
      return CompletableFuture.completedFuture(Outcome.NoHandler.INSTANCE);
    }
    CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    AskContext context = context(request);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(request.timeoutMillis());
    try {
      executor.execute(() -> {
        if (System.nanoTime() - deadline > 0) {
          // the asker stopped waiting while this waited its turn: the handler is not run for nobody
          outcome.complete(new Outcome.Failed("'" + request.type() + "' expired on node " + self
              + " before its handler ran"));
          return;
        }
        run(handler, request, context, outcome);
      });
    } catch (RejectedExecutionException e) {
      outcome.complete(new Outcome.Failed("node " + self + " is closing"));
    }
    return outcome;
  }

  /** How long after an ask's deadline its answering side gives up on an answer that does not come. */
  static final long ANSWER_GRACE_MILLIS = 1_000;

  private void run(Handler handler, Request request, AskContext context, CompletableFuture<Outcome> outcome) {
    try {
      Object value = handler.answer(request.payload(), context);
      if (value instanceof CompletionStage<?> stage) {
        stage.whenComplete((answer, error) -> outcome.complete(error == null ? new Outcome.Answer(answer)
            : failed(request, error)));
        if (!outcome.isDone()) {
          // an answer that never comes holds nothing for long past the ask's deadline (a second later: the asker
          // has timed it out by then, and reports it so); armed only for answers still to come
          outcome.completeOnTimeout(new Outcome.Failed("no answer from '" + request.type() + "' on node " + self
              + " within " + request.timeoutMillis() + " ms"), request.timeoutMillis() + ANSWER_GRACE_MILLIS,
              TimeUnit.MILLISECONDS);
        }
      } else {
        outcome.complete(new Outcome.Answer(value));
      }
    } catch (Throwable error) {
      outcome.complete(failed(request, error));
    }
  }

  private Outcome failed(Request request, Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    log.warn("{}: the handler for '{}' asked by {} failed: {}", self, request.type(), request.sender(), cause.toString());
    log.debug("{}: handler failure", self, cause);
    return new Outcome.Failed(cause.toString());
  }

  /** An answer to one of this node's asks. */
  public void reply(Reply reply) {
    Gathering gathering = pending.get(reply.ask());
    if (gathering != null) {
      gathering.offer(reply.sender(), reply.outcome());
    } else {
      log.debug("{}: late or unknown reply from {} to ask {}", self, reply.sender(), reply.ask());
    }
  }

  /** Tells {@code listener} every node that leaves. */
  public void onLeft(java.util.function.Consumer<String> listener) {
    leftListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * {@code node} left: asks waiting for it stop waiting, and the listeners are told (on the node's executor).
   */
  public void left(String node) {
    offTimer(() -> {
      for (Gathering gathering : pending.values()) {
        gathering.left(node);
      }
      for (java.util.function.Consumer<String> listener : leftListeners) {
        try {
          listener.accept(node);
        } catch (RuntimeException e) {
          log.warn("{}: a listener of departures failed on {}: {}", self, node, e.toString());
        }
      }
    });
  }

  /** Runs {@code work} on the node's executor, or here if it no longer takes work (the node is closing). */
  private void offTimer(Runnable work) {
    try {
      executor.execute(work);
    } catch (RejectedExecutionException closing) {
      work.run();
    }
  }

  /** Fails the asks in flight and stops the node's own thread. */
  public void close() {
    closed = true;
    for (Gathering gathering : pending.values()) {
      gathering.fail(new IntercomException("node " + self + " closed before the ask completed"));
    }
    if (owned != null) {
      owned.shutdown();
    }
  }
}
