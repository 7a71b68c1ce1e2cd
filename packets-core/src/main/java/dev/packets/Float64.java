package dev.packets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wire type {@code float64}: IEEE 754 double precision, eight bytes, big-endian. The default for {@code double}.
 *
 * <p>Example: {@code 1.0} is written {@code 3f f0 00 00 00 00 00 00}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Float64 {}
