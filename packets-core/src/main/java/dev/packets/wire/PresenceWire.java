package dev.packets.wire;

import dev.packets.DecodeException;

/**
 * Presence bits, an extension: an object with {@code k > 0} optional fields starts with {@code ceil(k / 8)} bytes of
 * presence bits ahead of its fields. Bit {@code i} (byte {@code i / 8}, value {@code 1 << (i % 8)}) is set when the
 * {@code i}-th optional field in wire order is present; an absent field takes no bytes; bits past {@code k} are 0.
 * Objects without optional fields have no presence byte, so their bytes stay schemapack's.
 *
 * <p>Example: {@code {id: int32, nick?: string, rank?: uint8}} holding id 42, no nick and rank 7 is written {@code
 * 02 00 00 00 2a 07}: bit 1 (rank) set, bit 0 (nick) clear, then id, then rank.
 */
public final class PresenceWire {
  private PresenceWire() {}

  /** The bytes of presence bits that {@code optionalFields} optional fields take. */
  public static int size(int optionalFields) {
    return (optionalFields + 7) >>> 3;
  }

  /** Writes one byte of presence bits. */
  public static void write(WireOut out, int bits) {
    out.putByte(bits);
  }

  /** Reads one byte of presence bits, failing when a bit outside {@code fields} (the bits in use) is set. */
  public static int read(WireIn in, String path, int fields) {
    int at = in.offset();
    int bits = in.getByte(path) & 0xFF;
    if ((bits & ~fields) != 0) {
      throw new DecodeException(path, at, "presence bits " + hex(bits) + " mark fields that do not exist (in use: "
          + hex(fields) + ")");
    }
    return bits;
  }

  private static String hex(int bits) {
    return String.format("0x%02x", bits);
  }
}
