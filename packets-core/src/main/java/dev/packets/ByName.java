package dev.packets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends an enum component by its constant's name, as a {@code string}, instead of by ordinal: the wire then
 * survives constants being reordered or added, at the cost of the name's bytes. An extension type (docs/wire-format.md
 * §8). Decoding a name the enum does not have is a {@link DecodeException}.
 *
 * <p>Example: {@code Heading.EAST} is written {@code 04 45 41 53 54}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface ByName {}
