package dev.packets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wire type {@code varint}: zigzag-encoded, then written as a {@link VarUint}; range -2^30..2^30-1.
 * Allowed on {@code int} and {@code long} components (and their boxes); a {@code long} is range-checked.
 *
 * <p>Example: {@code -65} zigzags to {@code 129} and is written {@code 81 01}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface VarInt {}
