package dev.packets.intercom;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One server node's line to every node of the application: it asks them all a question and gathers their
 * answers, its own included.
 *
 * <pre>{@code
 * LocalHub hub = LocalHub.create();
 * Intercom one = hub.join("one");
 * Intercom two = hub.join("two");
 * two.handle("where", (entity, ask) -> entity.equals(7) ? Map.of("x", 1.5, "y", 2) : null);
 * Gathered where = one.ask("where", 7, Duration.ofMillis(200)).join();
 * where.values();     // [{x=1.5, y=2}]
 * where.noHandler();  // [one]
 * }</pre>
 *
 * <p>An ask never hangs: its future completes by the timeout at the latest, with the nodes that did not answer in
 * {@link Gathered#timedOut()}. It completes exceptionally only when the question cannot be asked at all: the
 * payload is not JSON-like nor a registered packet, the intercom is closed, or the transport is down (Redis
 * unreachable). The future completes on an intercom thread: chain blocking work with the {@code *Async}
 * methods, and never wait for an ask on the node's own handler thread.
 */
public interface Intercom extends AutoCloseable {
  /** This node's id, unique among the nodes that share the intercom. */
  String self();

  /** The live nodes, this one included, as far as this node knows now. */
  Set<String> members();

  /**
   * Answers questions of {@code type} with {@code handler}, replacing any handler of that type. The handler runs
   * on this node's executor, for asks from every node, this one included.
   */
  Intercom handle(String type, Handler handler);

  /** Stops answering questions of {@code type}: askers then find this node in {@link Gathered#noHandler()}. */
  Intercom unhandle(String type);

  /**
   * Asks every live node, this one included, and gathers the answers that arrive within {@code timeout}.
   *
   * @param type the question's name, which the nodes' handlers are registered under
   * @param payload a registered packet, a JSON-like value (null, Boolean, Number, String, byte[], List, Map with
   *     String keys) or null
   */
  CompletableFuture<Gathered> ask(String type, Object payload, Duration timeout);

  /**
   * Asks one node, by id, and gathers its answer as {@link #ask(String, Object, Duration)} does: within
   * {@code timeout}, reported in a {@link Gathered} (a node that is not a member is in {@link Gathered#left()}).
   */
  CompletableFuture<Gathered> ask(String node, String type, Object payload, Duration timeout);

  /**
   * Publishes {@code value} on {@code topic} to every live node, this one included, with no answer: fire and
   * forget. The future completes when the transport has taken the publication, and fails when it cannot (the
   * value cannot be encoded, the intercom is closed, the transport is down).
   */
  CompletableFuture<Void> publish(String topic, Object value);

  /** Receives what is published on {@code topic}, replacing any subscriber of it on this node. */
  Intercom subscribe(String topic, Subscriber subscriber);

  /** Stops receiving {@code topic}. */
  Intercom unsubscribe(String topic);

  /**
   * Tells {@code listener} the id of every node that leaves (says goodbye, or goes silent past the heartbeat
   * timeout), on this node's executor.
   */
  Intercom onLeft(java.util.function.Consumer<String> listener);

  /** Leaves: says goodbye to the other nodes, fails pending asks and stops the node's threads. */
  @Override
  void close();
}
