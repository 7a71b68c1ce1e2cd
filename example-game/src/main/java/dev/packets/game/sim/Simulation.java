package dev.packets.game.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One node's share of the world: a fixed number of wandering entities, plus the players who joined this node, moved
 * at a fixed tick. Deterministic: the same seed, node index and inputs give the same positions at every tick.
 * Not thread-safe: one thread ticks it and applies inputs (the node's game loop).
 */
public final class Simulation {
  /** The world is a square of this side, in world units; entities bounce off its edges. */
  public static final float WORLD = 1000f;
  /** Ticks per second. */
  public static final int TICK_HZ = 20;
  /** The fastest any entity may move, in units per second. */
  public static final float MAX_SPEED = 120f;
  /** Ids of a node's entities start at {@code index * ID_BLOCK}. */
  public static final int ID_BLOCK = 100_000;

  private static final float DT = 1f / TICK_HZ;
  private static final int FIRST_PLAYER = 50_000;

  private final int index;
  private final SplittableRandom random;
  private final Map<Integer, Entity> entities = new LinkedHashMap<>();
  private int nextPlayer;
  private long tick;

  /**
   * @param index this node's index, 0-based: its entity ids are {@code index * 100000 + 0..count-1}
   * @param seed the world seed; each node derives its own stream from it
   * @param count the number of wandering entities
   */
  public Simulation(int index, long seed, int count) {
    if (count < 0 || count > FIRST_PLAYER) {
      throw new IllegalArgumentException("count must be 0.." + FIRST_PLAYER + ", was " + count);
    }
    this.index = index;
    this.random = new SplittableRandom(seed * 31 + index);
    for (int i = 0; i < count; i++) {
      int id = index * ID_BLOCK + i;
      entities.put(id, new Entity(id, false, random.nextFloat() * WORLD, random.nextFloat() * WORLD,
          (float) (random.nextDouble() * 2 * Math.PI), 20f + random.nextFloat() * 40f));
    }
    nextPlayer = index * ID_BLOCK + FIRST_PLAYER;
  }

  public int index() {
    return index;
  }

  public long tick() {
    return tick;
  }

  /** Advances one tick: wanderers turn a little at random, everyone moves and bounces off the edges. */
  public void step() {
    tick++;
    for (Entity e : entities.values()) {
      if (!e.player()) {
        e.heading += (float) ((random.nextDouble() - 0.5) * 0.3);
      }
      e.x += (float) Math.cos(e.heading) * e.speed * DT;
      e.y += (float) Math.sin(e.heading) * e.speed * DT;
      if (e.x < 0 || e.x > WORLD) {
        e.x = Math.max(0, Math.min(WORLD, e.x));
        e.heading = (float) (Math.PI - e.heading);
      }
      if (e.y < 0 || e.y > WORLD) {
        e.y = Math.max(0, Math.min(WORLD, e.y));
        e.heading = -e.heading;
      }
      e.heading = normalize(e.heading);
    }
  }

  private static float normalize(float angle) {
    double a = angle % (2 * Math.PI);
    return (float) (a < 0 ? a + 2 * Math.PI : a);
  }

  /** Adds a player's entity at the world's centre; returns it. */
  public Entity join() {
    int id = nextPlayer++;
    Entity e = new Entity(id, true, WORLD / 2, WORLD / 2, 0f, 0f);
    entities.put(id, e);
    return e;
  }

  /** Removes a player's entity. */
  public void leave(int id) {
    Entity e = entities.get(id);
    if (e != null && e.player()) {
      entities.remove(id);
    }
  }

  /** Steers a player: a heading in radians and a speed, which the caller has checked against {@link #MAX_SPEED}. */
  public void steer(int id, float heading, float speed) {
    Entity e = entities.get(id);
    if (e == null || !e.player()) {
      throw new IllegalArgumentException("entity " + id + " is not a player of node " + index);
    }
    e.heading = normalize(heading);
    e.speed = speed;
  }

  /** The entity with this id, or null when this node does not simulate it. */
  public Entity find(int id) {
    return entities.get(id);
  }

  public Collection<Entity> entities() {
    return Collections.unmodifiableCollection(entities.values());
  }

  /** The entities within {@code radius} of a point. */
  public List<Entity> near(float x, float y, float radius) {
    List<Entity> out = new ArrayList<>();
    float r2 = radius * radius;
    for (Entity e : entities.values()) {
      float dx = e.x - x;
      float dy = e.y - y;
      if (dx * dx + dy * dy <= r2) {
        out.add(e);
      }
    }
    return out;
  }
}
