package dev.packets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets a component's name on the wire and in dehydrated data, so that names such as {@code int} or
 * {@code snake_case} are expressible: {@code @Name("int") int intelligence}.
 *
 * <p>Fields are written in the order of their wire names, sorted by UTF-16 code units.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Name {
  /** The wire name. */
  String value();
}
