package dev.packets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wire type {@code uint8}: one unsigned byte, range 0..255.
 * Allowed on {@code short} and {@code int} components (and their boxes).
 *
 * <p>Example: {@code 200} is written {@code c8}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface UInt8 {}
