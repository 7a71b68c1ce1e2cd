package dev.packets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wire type {@code float32}: IEEE 754 single precision, four bytes, big-endian. The default for {@code float}.
 *
 * <p>Example: {@code 188.5f} is written {@code 43 3c 80 00}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Float32 {}
