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
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Packet {
  /** The packet's name; empty means the record's simple name. */
  String value() default "";
}
