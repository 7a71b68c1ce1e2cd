package dev.packets.codec;

import dev.packets.PacketLimits;
import dev.packets.wire.WireIn;
import dev.packets.wire.WireOut;
import java.util.List;

/**
 * The binary codec of one packet type. The annotation processor writes one for every {@code @Packet} record (named
 * {@code <Record>_PacketCodec}, beside the record) and lists it in {@code META-INF/services}; the built-in packets
 * have hand-written ones. Codecs are stateless and thread-safe.
 *
 * <p>Encoding takes two passes: {@link #measure} checks every value and limit and returns the exact size, then
 * {@link #write} writes into space of that size. So nothing is written for a packet that cannot be encoded.
 *
 * @param <T> the packet's record type
 */
public interface PacketCodec<T> {

  /** The record class. */
  Class<T> type();

  /** The packet's name, which its id is derived from. */
  String name();

  /** The id pinned with {@code @Packet(id = N)}, or 0: numbered by name. */
  default int id() {
    return 0;
  }

  /**
   * The packet's schemapack schema as JSON-like data: a {@code Map} of wire name to field schema for an object, a
   * one-item {@code List} for an array, a {@code String} for a wire type ({@code "uint8"}, {@code "buffer"}, ...).
   */
  Object schema();

  /** The wire names (dotted paths for nested fields) of {@code @Packed} fields; {@code [""]} when the whole record is packed. */
  List<String> packedFields();

  /** Checks {@code value} against its wire types and {@code limits}; returns its encoded size in bytes. */
  int measure(T value, PacketLimits limits);

  /** Writes {@code value}, which {@link #measure} accepted, as exactly that many bytes. */
  void write(T value, PacketLimits limits, WireOut out);

  /** Reads one packet; the caller checks that nothing trails it. */
  T read(WireIn in);

  /** The packet's data as JSON-like values: a {@code Map} in declaration order for a record. */
  Object dehydrate(T value);

  /** Builds the packet from JSON-like data, with the same checks as encoding. */
  T hydrate(Object data, PacketLimits limits);
}
