package dev.packets.game.sim;

import java.util.Arrays;
import java.util.List;

/**
 * An entity as it travels between nodes and into the ledger: its id, its generation (how many hand-offs it has been
 * through: the ledger's fence against a hand-off answered twice), where it is, where it heads and how fast, and
 * whether a client steers it. Carried on the intercom as {@code [id, generation, x, y, heading, speed, player]}.
 */
public record EntityState(int id, long generation, float x, float y, float heading, float speed, boolean player) {

  /** The intercom's form. */
  public List<Object> carried() {
    return Arrays.asList(id, generation, x, y, heading, speed, player);
  }

  /** Reads the intercom's form; {@link IllegalArgumentException} when it is not one. */
  public static EntityState from(Object value) {
    if (!(value instanceof List<?> v) || v.size() != 7 || !(v.get(0) instanceof Number id)
        || !(v.get(1) instanceof Number generation) || !(v.get(2) instanceof Number x)
        || !(v.get(3) instanceof Number y) || !(v.get(4) instanceof Number heading)
        || !(v.get(5) instanceof Number speed) || !(v.get(6) instanceof Boolean player)) {
      throw new IllegalArgumentException("not an entity: " + value);
    }
    EntityState state = new EntityState(id.intValue(), generation.longValue(), x.floatValue(), y.floatValue(),
        heading.floatValue(), speed.floatValue(), player);
    if (!Float.isFinite(state.x) || !Float.isFinite(state.y) || !Float.isFinite(state.heading)
        || !(state.speed >= 0 && state.speed <= Simulation.MAX_SPEED) || state.generation < 0) {
      throw new IllegalArgumentException("not an entity: " + value);
    }
    return state;
  }

  /** The same entity one hand-off later. */
  public EntityState next() {
    return new EntityState(id, generation + 1, x, y, heading, speed, player);
  }

  /** The ledger's text form: {@code generation,x,y,heading,speed,player} (the owner is written before it). */
  public String text() {
    return generation + "," + x + "," + y + "," + heading + "," + speed + "," + (player ? 1 : 0);
  }

  /** Reads {@link #text()} of entity {@code id}. */
  public static EntityState parse(int id, String text) {
    String[] p = text.split(",");
    return new EntityState(id, Long.parseLong(p[0]), Float.parseFloat(p[1]), Float.parseFloat(p[2]),
        Float.parseFloat(p[3]), Float.parseFloat(p[4]), "1".equals(p[5]));
  }
}
