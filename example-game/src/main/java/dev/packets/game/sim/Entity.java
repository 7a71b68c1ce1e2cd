package dev.packets.game.sim;

/**
 * One moving object: where it is, where it heads and how fast. Mutable, owned by one {@link Simulation}; while it
 * is {@linkplain #leaving() leaving} (offered to the neighbour whose region it entered) it stands still.
 */
public final class Entity {
  private final int id;
  private final boolean player;
  long generation;
  boolean leaving;
  float x;
  float y;
  float heading;
  float speed;

  Entity(EntityState state) {
    this.id = state.id();
    this.player = state.player();
    this.generation = state.generation();
    this.x = state.x();
    this.y = state.y();
    this.heading = state.heading();
    this.speed = state.speed();
  }

  public int id() {
    return id;
  }

  /** Whether a client steers it (rather than the simulation). */
  public boolean player() {
    return player;
  }

  /** How many hand-offs between nodes it has been through (the ledger's fence). */
  public long generation() {
    return generation;
  }

  /** Whether it is being handed to another node: it stands still and is not drawn until that is settled. */
  public boolean leaving() {
    return leaving;
  }

  public float x() {
    return x;
  }

  public float y() {
    return y;
  }

  /** Radians, 0 pointing along +x. */
  public float heading() {
    return heading;
  }

  /** World units per second. */
  public float speed() {
    return speed;
  }

  /** Its state now, to hand over or to write to the ledger. */
  public EntityState state() {
    return new EntityState(id, generation, x, y, heading, speed, player);
  }
}
