package dev.packets.game.node;

import dev.packets.game.sim.Entity;
import dev.packets.game.sim.Simulation;
import dev.packets.game.wire.Position;
import dev.packets.game.wire.WhereIs;
import dev.packets.intercom.Gathered;
import dev.packets.intercom.Intercom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One simulation node: its share of the world ticking at 20 Hz on a thread of its own, and its line to the other
 * nodes. Everything that touches the simulation runs on the loop thread; other threads go through {@link #call}.
 */
public final class GameNode implements AutoCloseable {
  /** The intercom question a node answers with the {@link Position} of an entity it simulates, or nothing. */
  public static final String WHERE_IS = "where-is";

  private final String name;
  private final Simulation simulation;
  private final Intercom intercom;
  private final Duration askTimeout;
  private final ScheduledExecutorService loop;
  private final List<Consumer<Simulation>> tickListeners = new CopyOnWriteArrayList<>();

  /**
   * @param name the node's name, also its intercom id
   * @param simulation the node's share of the world
   * @param intercom the node's line to the others
   * @param askTimeout how long a {@code WhereIs} waits for the other nodes
   */
  public GameNode(String name, Simulation simulation, Intercom intercom, Duration askTimeout) {
    this.name = name;
    this.simulation = simulation;
    this.intercom = intercom;
    this.askTimeout = askTimeout;
    this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "game-" + name);
      t.setDaemon(true);
      return t;
    });
    intercom.handle(WHERE_IS, (payload, ask) -> call(sim -> local(((WhereIs) payload).entity())));
  }

  /** Starts ticking. */
  public GameNode start() {
    long period = 1_000_000_000L / Simulation.TICK_HZ;
    loop.scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
    return this;
  }

  private void tick() {
    simulation.step();
    for (Consumer<Simulation> listener : tickListeners) {
      try {
        listener.accept(simulation);
      } catch (RuntimeException e) {
        // a listener's failure must not stop the world
        org.slf4j.LoggerFactory.getLogger(GameNode.class).warn("tick listener failed on node {}", name, e);
      }
    }
  }

  public String name() {
    return name;
  }

  public Intercom intercom() {
    return intercom;
  }

  /** Runs {@code listener} on the loop thread after every tick. */
  public void onTick(Consumer<Simulation> listener) {
    tickListeners.add(listener);
  }

  /** Runs {@code work} on the loop thread. */
  public <T> CompletableFuture<T> call(Function<Simulation, T> work) {
    try {
      return CompletableFuture.supplyAsync(() -> work.apply(simulation), loop);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new IllegalStateException("node " + name + " is stopped"));
    }
  }

  private Position local(int entity) {
    Entity e = simulation.find(entity);
    return e == null ? null : new Position(entity, e.x(), e.y(), name);
  }

  /**
   * Where an entity is: answered at once when this node simulates it, otherwise from whichever node answers the
   * intercom; null when no node has it.
   */
  public CompletableFuture<Position> whereIs(int entity) {
    return call(sim -> local(entity)).thenCompose(here -> here != null
        ? CompletableFuture.completedFuture(here)
        : intercom.ask(WHERE_IS, new WhereIs(entity), askTimeout).thenApply(GameNode::first));
  }

  private static Position first(Gathered gathered) {
    for (Object value : gathered.values()) {
      if (value instanceof Position p) {
        return p;
      }
    }
    return null;
  }

  @Override
  public void close() {
    loop.shutdownNow();
    intercom.unhandle(WHERE_IS);
  }
}
