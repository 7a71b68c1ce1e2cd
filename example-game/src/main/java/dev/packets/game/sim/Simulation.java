package dev.packets.game.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * One node's region of the {@link World}: the entities inside it, wanderers and players, moved at a fixed tick.
 * An entity that walks over a border into a neighbour's region is marked {@linkplain Entity#leaving() leaving} and
 * returned by {@link #step()}: the node offers it to the neighbour, then {@link #handedOff drops} it or lets it
 * {@link #stay} (it bounces back). Deterministic: the same seed, region and inputs give the same positions at every
 * tick. Not thread-safe: one thread ticks it and applies inputs (the node's game loop).
 */
public final class Simulation {
  /** Ticks per second. */
  public static final int TICK_HZ = 20;
  /** The fastest any entity may move, in units per second. */
  public static final float MAX_SPEED = 120f;
  /** Ids of the entities a node starts with begin at {@code index * ID_BLOCK}; its players' at {@code + FIRST_PLAYER}. */
  public static final int ID_BLOCK = 100_000;
  /** Offset in a node's block of ids where its players' ids start. */
  public static final int FIRST_PLAYER = 50_000;
  /** How far inside its region an entity that could not cross is put back. */
  private static final float BOUNCE_MARGIN = 0.5f;

  private static final float DT = 1f / TICK_HZ;

  private final int index;
  private final World world;
  private final SplittableRandom random;
  private final Map<Integer, Entity> entities = new LinkedHashMap<>();
  private int nextPlayer;
  private long tick;

  /**
   * An empty region.
   *
   * @param index the region, 0-based (node {@code index + 1})
   * @param world the world it is part of
   * @param seed the world seed; each region derives its own stream from it
   */
  public Simulation(int index, World world, long seed) {
    if (index < 0 || index >= world.nodes()) {
      throw new IllegalArgumentException("region " + index + " is not in a world of " + world.nodes());
    }
    this.index = index;
    this.world = world;
    this.random = new SplittableRandom(seed * 31 + index);
    this.nextPlayer = index * ID_BLOCK + FIRST_PLAYER;
  }

  /** A region with its first {@code count} wanderers ({@link #firstEntities}). */
  public static Simulation seeded(int index, World world, long seed, int count) {
    Simulation sim = new Simulation(index, world, seed);
    firstEntities(index, world, seed, count).forEach(sim::take);
    return sim;
  }

  /**
   * The wanderers region {@code index} starts a world with: ids {@code index * 100000 + 0..count-1}, placed and
   * headed at random (from the seed) inside the region.
   */
  public static List<EntityState> firstEntities(int index, World world, long seed, int count) {
    if (count < 0 || count > FIRST_PLAYER) {
      throw new IllegalArgumentException("count must be 0.." + FIRST_PLAYER + ", was " + count);
    }
    SplittableRandom random = new SplittableRandom(seed * 7919 + index);
    List<EntityState> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(new EntityState(index * ID_BLOCK + i, 0, world.left(index) + random.nextFloat() * World.REGION,
          random.nextFloat() * World.HEIGHT, (float) (random.nextDouble() * 2 * Math.PI),
          20f + random.nextFloat() * 40f, false));
    }
    return out;
  }

  /** Whether {@code id} is a player's (players' ids sit in the upper half of a node's block). */
  public static boolean isPlayer(int id) {
    return id >= 0 && id % ID_BLOCK >= FIRST_PLAYER;
  }

  public int index() {
    return index;
  }

  public World world() {
    return world;
  }

  public long tick() {
    return tick;
  }

  /**
   * Advances one tick: wanderers turn a little at random, everyone who is not leaving moves and bounces off the
   * world's edges. Returns the entities that crossed into a neighbour's region this tick, now leaving.
   */
  public List<Entity> step() {
    tick++;
    List<Entity> crossed = null;
    float width = world.width();
    for (Entity e : entities.values()) {
      if (e.leaving) {
        continue;
      }
      if (!e.player()) {
        e.heading += (float) ((random.nextDouble() - 0.5) * 0.3);
      }
      e.x += (float) Math.cos(e.heading) * e.speed * DT;
      e.y += (float) Math.sin(e.heading) * e.speed * DT;
      if (e.x < 0 || e.x > width) {
        e.x = Math.max(0, Math.min(width, e.x));
        e.heading = (float) (Math.PI - e.heading);
      }
      if (e.y < 0 || e.y > World.HEIGHT) {
        e.y = Math.max(0, Math.min(World.HEIGHT, e.y));
        e.heading = -e.heading;
      }
      e.heading = normalize(e.heading);
      if (world.regionOf(e.x) != index) {
        e.leaving = true;
        if (crossed == null) {
          crossed = new ArrayList<>();
        }
        crossed.add(e);
      }
    }
    return crossed == null ? List.of() : crossed;
  }

  private static float normalize(float angle) {
    double a = angle % (2 * Math.PI);
    return (float) (a < 0 ? a + 2 * Math.PI : a);
  }

  /** Adds a player's entity at a random spot of this region; returns it. */
  public Entity join() {
    return join(world.left(index) + 100 + random.nextFloat() * (World.REGION - 200),
        100 + random.nextFloat() * (World.HEIGHT - 200));
  }

  /** Adds a player's entity at {@code (x, y)}, which must be in this region; returns it. */
  public Entity join(float x, float y) {
    if (world.regionOf(x) != index || y < 0 || y > World.HEIGHT) {
      throw new IllegalArgumentException(x + "," + y + " is not in region " + index);
    }
    int id = nextPlayer++;
    if (id >= (index + 1) * ID_BLOCK) {
      nextPlayer = index * ID_BLOCK + FIRST_PLAYER;
      id = nextPlayer++;
    }
    Entity e = new Entity(new EntityState(id, 0, x, y, 0f, 0f, true));
    entities.put(id, e);
    return e;
  }

  /** Players joining here get ids from {@code next} on (after a restart: past those given before). */
  public void playerIdsFrom(int next) {
    if (next >= index * ID_BLOCK + FIRST_PLAYER && next < (index + 1) * ID_BLOCK) {
      nextPlayer = next;
    }
  }

  /** Removes a player's entity; returns whether it was here. */
  public boolean leave(int id) {
    Entity e = entities.get(id);
    if (e != null && e.player()) {
      entities.remove(id);
      return true;
    }
    return false;
  }

  /** Steers a player: a heading in radians and a speed, which the caller has checked against {@link #MAX_SPEED}. */
  public void steer(int id, float heading, float speed) {
    Entity e = entities.get(id);
    if (e == null || !e.player()) {
      throw new IllegalArgumentException("entity " + id + " is not a player of region " + index);
    }
    e.heading = normalize(heading);
    e.speed = speed;
  }

  /** Puts entity {@code id} at {@code (x, y)} (a tool for tests and demos: players are steered, not placed). */
  public void place(int id, float x, float y) {
    Entity e = entities.get(id);
    if (e == null || e.leaving) {
      throw new IllegalArgumentException("entity " + id + " is not simulated by region " + index);
    }
    e.x = x;
    e.y = y;
  }

  /** Takes an entity in (a hand-off from a neighbour, or one loaded from the ledger). */
  public Entity take(EntityState state) {
    Entity e = new Entity(state);
    entities.put(state.id(), e);
    return e;
  }

  /** The neighbour took entity {@code id} (of {@code generation}): it goes. Returns whether it was here. */
  public boolean handedOff(int id, long generation) {
    Entity e = entities.get(id);
    if (e != null && e.leaving && e.generation == generation) {
      entities.remove(id);
      return true;
    }
    return false;
  }

  /**
   * Entity {@code id} could not cross (the neighbour refused it, or did not answer and the hand-off was fenced at
   * {@code generation}): it bounces back off the border and stays here.
   */
  public void stay(int id, long generation) {
    Entity e = entities.get(id);
    if (e == null) {
      return;
    }
    e.generation = generation;
    e.leaving = false;
    e.x = Math.max(world.left(index) + BOUNCE_MARGIN, Math.min(world.right(index) - BOUNCE_MARGIN, e.x));
    e.heading = normalize((float) (Math.PI - e.heading));
  }

  /** The entity with this id, or null when this region does not hold it. */
  public Entity find(int id) {
    return entities.get(id);
  }

  /** Every entity here, leaving ones included. */
  public Collection<Entity> entities() {
    return Collections.unmodifiableCollection(entities.values());
  }

  /** The ids here, split into those this region simulates and those it is handing over. */
  public record Census(Set<Integer> owned, Set<Integer> leaving) {}

  public Census census() {
    Set<Integer> owned = new TreeSet<>();
    Set<Integer> leaving = new TreeSet<>();
    for (Entity e : entities.values()) {
      (e.leaving ? leaving : owned).add(e.id());
    }
    return new Census(owned, leaving);
  }

  /** The entities within {@code radius} of a point (not those leaving: the neighbour may be drawing them already). */
  public List<Entity> near(float x, float y, float radius) {
    List<Entity> out = new ArrayList<>();
    float r2 = radius * radius;
    for (Entity e : entities.values()) {
      float dx = e.x - x;
      float dy = e.y - y;
      if (!e.leaving && dx * dx + dy * dy <= r2) {
        out.add(e);
      }
    }
    return out;
  }
}
