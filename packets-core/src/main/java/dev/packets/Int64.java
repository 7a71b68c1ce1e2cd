package dev.packets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wire type {@code int64}, an <b>extension</b> (schemapack has no 64-bit integers: a packet that uses one is read by
 * packets' own codecs, Java and JavaScript, not by plain schemapack): eight bytes, big-endian two's complement, for
 * {@code long}; JavaScript reads it as a {@code BigInt}.
 *
 * <p>Example: {@code -2L} is written {@code ff ff ff ff ff ff ff fe}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Int64 {}
