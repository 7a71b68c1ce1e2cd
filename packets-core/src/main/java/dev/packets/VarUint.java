package dev.packets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wire type {@code varuint}: LEB128, seven bits a byte, low group first, high bit set on every byte but the last;
 * range 0..2^31-1, at most five bytes.
 * Allowed on {@code int} and {@code long} components (and their boxes); a {@code long} is range-checked.
 *
 * <p>Example: {@code 300} is written {@code ac 02}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface VarUint {}
