package dev.packets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a packet: the annotation processor in {@code packets-codegen} writes a binary codec for it.
 *
 * <pre>{@code
 * @Packet
 * record Move(@VarUint int entity, float x, float y) {}
 *
 * @Packet(id = 9)                      // pinned: the packet keeps id 9 whatever else is added
 * record Trade(@VarUint int item) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Packet {
  /** The packet's name; empty means the record's simple name. */
  String value() default "";

  /**
   * A pinned id, 1..65535; 0, the default, numbers the packet by name as flecks does. The packets without a pinned
   * id take the ids left free, in name order, so the ids of a registry still run 1..N without gaps (a pinned id
   * past N is refused). Pinning lets a team add a packet at N + 1 without renumbering the others, but it leaves
   * flecks' numbering: a flecks peer numbers by name alone.
   */
  int id() default 0;
}
