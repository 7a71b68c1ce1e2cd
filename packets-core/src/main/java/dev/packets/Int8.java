package dev.packets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wire type {@code int8}: one byte, two's complement, range -128..127.
 * Allowed on {@code byte}, {@code short} and {@code int} components (and their boxes).
 *
 * <p>Example: {@code -2} is written {@code fe}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Int8 {}
