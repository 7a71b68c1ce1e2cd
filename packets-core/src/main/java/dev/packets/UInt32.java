package dev.packets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wire type {@code uint32}: four bytes, big-endian unsigned, range 0..4294967295.
 * Allowed on {@code long} components (and {@code Long}).
 *
 * <p>Example: {@code 4294967295} is written {@code ff ff ff ff}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface UInt32 {}
