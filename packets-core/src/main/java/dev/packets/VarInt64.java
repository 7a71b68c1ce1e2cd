package dev.packets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wire type {@code varint64}, an <b>extension</b> (schemapack has no 64-bit integers: a packet that uses one is read by
 * packets' own codecs, Java and JavaScript, not by plain schemapack): zigzag then LEB128 over 64 bits, at most ten bytes, for {@code long} (every value); JavaScript reads it as a {@code BigInt}.
 *
 * <p>Example: {@code -65L} is written {@code 81 01}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface VarInt64 {}
