package dev.packets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wire type {@code int16}: two bytes, big-endian two's complement, range -32768..32767.
 * The default for {@code short}; also allowed on {@code int}.
 *
 * <p>Example: {@code -540} is written {@code fd e4}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Int16 {}
