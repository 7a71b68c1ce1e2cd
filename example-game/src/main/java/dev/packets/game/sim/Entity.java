package dev.packets.game.sim;

/** One moving object: where it is, where it heads and how fast. Mutable, owned by one {@link Simulation}. */
public final class Entity {
  private final int id;
  private final boolean player;
  float x;
  float y;
  float heading;
  float speed;

  Entity(int id, boolean player, float x, float y, float heading, float speed) {
    this.id = id;
    this.player = player;
    this.x = x;
    this.y = y;
    this.heading = heading;
    this.speed = speed;
  }

  public int id() {
    return id;
  }

  /** Whether a client steers it (rather than the simulation). */
  public boolean player() {
    return player;
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
}
