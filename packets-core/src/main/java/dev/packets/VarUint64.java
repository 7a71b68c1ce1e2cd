package dev.packets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wire type {@code varuint64}, an <b>extension</b> (schemapack has no 64-bit integers: a packet that uses one is read by
 * packets' own codecs, Java and JavaScript, not by plain schemapack): LEB128 over the 64 bits of a {@code long} read as unsigned, range 0..2^64-1, at most ten bytes; JavaScript reads it as a {@code BigInt}.
 *
 * <p>Example: {@code 300L} is written {@code ac 02}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface VarUint64 {}
