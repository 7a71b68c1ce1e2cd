package dev.packets.game.node;

import dev.packets.game.sim.Entity;
import dev.packets.game.sim.EntityState;
import dev.packets.game.sim.Simulation;
import dev.packets.game.sim.World;
import dev.packets.game.wire.Position;
import dev.packets.game.wire.Spots;
import dev.packets.game.wire.WhereIs;
import dev.packets.intercom.Gathered;
import dev.packets.intercom.Intercom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulation node: its region of the world ticking at 20 Hz on a thread of its own, its line to the other nodes,
 * and the world's {@link Ledger}. After each tick the entities that crossed a border are {@linkplain Handoffs
 * offered} to their new region's node, and the region's positions are published to every node ({@value #WORLD}),
 * so that each node knows the whole world a tick late. Everything that touches the simulation runs on the loop
 * thread; other threads go through {@link #call}.
 */
public final class GameNode implements AutoCloseable {
  /** The intercom question a node answers with the {@link Position} of an entity it simulates, or nothing. */
  public static final String WHERE_IS = "where-is";
  /** The intercom topic each node publishes its region's {@link Spots} on, every tick. */
  public static final String WORLD = "game:world";
  private static final Logger LOG = LoggerFactory.getLogger(GameNode.class);
  /** How long another node's positions are drawn after its last publication (a node that died fades out). */
  private static final long STALE_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final String name;
  private final World world;
  private final Simulation simulation;
  private final Intercom intercom;
  private final Ledger ledger;
  private final Duration askTimeout;
  private final Handoffs handoffs;
  private final ScheduledExecutorService loop;
  private final List<Consumer<Simulation>> tickListeners = new CopyOnWriteArrayList<>();
  /** The latest positions each other node published, by node number, and when they came. */
  private final Map<Integer, Published> others = new ConcurrentHashMap<>();
  /** The players this region holds now (read by other threads). */
  private final Set<Integer> players = ConcurrentHashMap.newKeySet();
  private volatile int entityCount;
  /** This region's positions as of the last tick: what was published, and what this node's players are sent. */
  private volatile Spots own;

  private record Published(Spots spots, long at) {}

  /**
   * @param simulation the node's region, empty: {@link #start} fills it from the ledger
   * @param intercom the node's line to the others; its id is the node's name
   * @param ledger who owns each entity of the world
   * @param askTimeout how long a {@code WhereIs} or a hand-off waits for the other nodes
   */
  public GameNode(Simulation simulation, Intercom intercom, Ledger ledger, Duration askTimeout) {
    this.name = intercom.self();
    this.world = simulation.world();
    this.simulation = simulation;
    this.intercom = intercom;
    this.ledger = ledger;
    this.askTimeout = askTimeout;
    this.handoffs = new Handoffs(this, ledger, askTimeout);
    this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "game-" + name);
      t.setDaemon(true);
      return t;
    });
    intercom.handle(WHERE_IS, (payload, ask) -> call(sim -> local(((WhereIs) payload).entity())));
    intercom.handle(Handoffs.TAKE, (payload, ask) -> handoffs.take(payload, ask, world, simulation.index()));
    intercom.subscribe(WORLD, (value, from) -> {
      if (value instanceof Spots spots && !from.equals(name)) {
        others.put(spots.node(), new Published(spots, System.nanoTime()));
      }
    });
  }

  /**
   * Opens the region in the ledger (writing {@code seed}, its first wanderers, where the world lacks them: a new
   * world), takes in what the ledger says this node owns, and starts ticking.
   */
  public GameNode start(List<EntityState> seed) {
    Ledger.Opened opened = ledger.open(name, seed).join();
    call(sim -> {
      opened.entities().forEach(sim::take);
      int base = sim.index() * Simulation.ID_BLOCK;
      int next = base + Simulation.FIRST_PLAYER;
      for (int id : opened.ids()) {
        if (id >= next && id < base + Simulation.ID_BLOCK) {
          next = id + 1;
        }
      }
      sim.playerIdsFrom(next);
      return null;
    }).join();
    long period = 1_000_000_000L / Simulation.TICK_HZ;
    loop.scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
    loop.scheduleWithFixedDelay(this::checkpoint, 1, 1, TimeUnit.SECONDS);
    LOG.info("{} simulates region {} with {} entities", name, simulation.index(), opened.entities().size());
    return this;
  }

  private void tick() {
    for (Entity e : simulation.step()) {
      handoffs.offer(e, world);
    }
    List<Spots.Spot> spots = new ArrayList<>();
    int count = 0;
    for (Entity e : simulation.entities()) {
      count++;
      if (e.player() && !players.contains(e.id())) {
        players.add(e.id());
      }
      if (!e.leaving()) {
        spots.add(spot(e));
      }
    }
    entityCount = count;
    own = new Spots(simulation.index() + 1, spots);
    intercom.publish(WORLD, own).exceptionally(e -> null);
    for (Consumer<Simulation> listener : tickListeners) {
      try {
        listener.accept(simulation);
      } catch (RuntimeException e) {
        // a listener's failure must not stop the world
        LOG.warn("tick listener failed on node {}", name, e);
      }
    }
  }

  private void checkpoint() {
    List<EntityState> states = new ArrayList<>();
    for (Entity e : simulation.entities()) {
      if (!e.leaving()) {
        states.add(e.state());
      }
    }
    ledger.checkpoint(name, states).exceptionally(e -> {
      LOG.debug("node {}: checkpoint failed: {}", name, e.toString());
      return null;
    });
  }

  /** An entity's compact position. */
  private static Spots.Spot spot(Entity e) {
    int heading = Math.round(e.heading() / (float) (2 * Math.PI) * 256) & 0xFF;
    return new Spots.Spot(e.id(), Math.round(e.x() * Spots.Spot.SCALE), Math.round(e.y() * Spots.Spot.SCALE),
        heading);
  }

  public String name() {
    return name;
  }

  public World world() {
    return world;
  }

  public Intercom intercom() {
    return intercom;
  }

  /** Runs {@code listener} on the loop thread after every tick. */
  public void onTick(Consumer<Simulation> listener) {
    tickListeners.add(listener);
  }

  /** Tells {@code listener} (on the loop thread) of each player of this node handed to another node. */
  public void onPlayerMoved(Handoffs.PlayerMoved listener) {
    handoffs.onPlayerMoved(listener);
  }

  /** Takes players crossing in from a neighbour only while {@code room} says so (a full node bounces them). */
  public void playerRoom(java.util.function.IntPredicate room) {
    handoffs.playerRoom(room);
  }

  /** Runs {@code work} on the loop thread. */
  public <T> CompletableFuture<T> call(Function<Simulation, T> work) {
    try {
      return CompletableFuture.supplyAsync(() -> work.apply(simulation), loop);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new IllegalStateException("node " + name + " is stopped"));
    }
  }

  /** On the loop thread: player {@code entity} is here now, or not. */
  void tracked(int entity, boolean here) {
    if (here) {
      players.add(entity);
    } else {
      players.remove(entity);
    }
  }

  /** Runs {@code work} on the loop thread every {@code period}. */
  public void every(Duration period, Runnable work) {
    try {
      loop.scheduleWithFixedDelay(() -> {
        try {
          work.run();
        } catch (RuntimeException e) {
          LOG.warn("node {}: periodic work failed", name, e);
        }
      }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // stopped
    }
  }

  /** Runs {@code work} on the loop thread after {@code delay}. */
  public void later(Duration delay, Runnable work) {
    try {
      loop.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // stopped: the ledger keeps what was left unsettled for the next start
    }
  }

  /** A new player's entity at a random spot of this region, written to the ledger. */
  public CompletableFuture<EntityState> join() {
    return call(sim -> {
      EntityState state = sim.join().state();
      tracked(state.id(), true);
      return state;
    }).thenCompose(state -> ledger.add(name, state).thenApply(v -> state));
  }

  /** A player left: its entity goes, here and in the ledger (if it is still here). */
  public CompletableFuture<Void> leave(int entity) {
    return call(sim -> {
      tracked(entity, false);
      return sim.leave(entity);
    }).thenCompose(was -> was ? ledger.remove(name, entity)
        : CompletableFuture.completedFuture(null));
  }

  /** Whether player {@code entity} is in this region now. */
  public boolean holds(int entity) {
    return players.contains(entity);
  }

  /** Players in this region now. */
  public int players() {
    return players.size();
  }

  /** Entities in this region after the last tick, leaving ones included. */
  public int entities() {
    return entityCount;
  }

  /** Entities handed to other nodes, bounced back, and taken from them, since start. */
  public long[] handoffCounts() {
    return new long[] {handoffs.given(), handoffs.bounced(), handoffs.taken()};
  }

  /** This region's positions as of the last tick (its leaving entities left out), or null before the first. */
  public Spots ownNow() {
    return own;
  }

  /** The latest positions of every other node that published in the last two seconds. */
  public List<Spots> othersNow() {
    long now = System.nanoTime();
    List<Spots> out = new ArrayList<>();
    others.forEach((number, published) -> {
      if (now - published.at() < STALE_NANOS) {
        out.add(published.spots());
      }
    });
    return out;
  }

  private Position local(int entity) {
    Entity e = simulation.find(entity);
    return e == null || e.leaving() ? null : new Position(entity, e.x(), e.y(), name);
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

  /**
   * Stops ticking and answering, as a killed node would: nothing is written on the way out; the ledger keeps what
   * this node owned (and any hand-off it left unsettled) for its next start.
   */
  @Override
  public void close() {
    loop.shutdownNow();
    intercom.unhandle(WHERE_IS);
    intercom.unhandle(Handoffs.TAKE);
    intercom.unsubscribe(WORLD);
  }
}
