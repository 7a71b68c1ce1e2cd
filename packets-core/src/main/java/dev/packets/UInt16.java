package dev.packets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wire type {@code uint16}: two bytes, big-endian unsigned, range 0..65535.
 * Allowed on {@code int} and {@code char} components (and their boxes).
 *
 * <p>Example: {@code 65535} is written {@code ff ff}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface UInt16 {}
