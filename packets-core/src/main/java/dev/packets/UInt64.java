package dev.packets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wire type {@code uint64}, an <b>extension</b> (schemapack has no 64-bit integers: a packet that uses one is read by
 * packets' own codecs, Java and JavaScript, not by plain schemapack): eight bytes, big-endian unsigned, range 0..2^64-1, for {@code long}, whose 64 bits are read as unsigned ({@code -1L} is 2^64-1); JavaScript reads it as a {@code BigInt}.
 *
 * <p>Example: {@code 2^64-1} ({@code -1L}) is written {@code ff ff ff ff ff ff ff ff}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface UInt64 {}
