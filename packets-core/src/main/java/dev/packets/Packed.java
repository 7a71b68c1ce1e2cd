package dev.packets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * MessagePack-packs a value, as flecks' {@code Packer}.
 *
 * <p>On a record component (flecks' {@code Packer('key')}): the component's JSON-like value (null,
 * {@code Boolean}, {@code Number}, {@code String}, {@code byte[]}, {@code List}, {@code Map<String, ?>},
 * nested) is msgpack-encoded and travels as a {@code buffer} field. Example: {@code Map.of("a", 1)} packs to
 * {@code 81 a1 61 01} and travels as {@code 04 81 a1 61 01}.
 *
 * <p>On a {@link Packet} record (flecks' {@code Packer()}): the whole packet's data is one msgpack map of its
 * components in declaration order, and the packet's schema is {@code buffer}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface Packed {}
