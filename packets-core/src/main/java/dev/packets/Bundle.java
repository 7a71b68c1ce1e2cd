package dev.packets;

import java.util.List;

/**
 * Built-in packet: several packets sent as one, in order; Bundles may hold Bundles.
 *
 * <p>On the wire (flecks' framing, little-endian inside a schemapack {@code buffer}): the buffer's length as a
 * varuint, then for each packet {@code u32 LE payload length, u16 LE packet id, payload}. With ids
 * Redirect = 4 and Refresh = 5, {@code new Bundle(List.of(new Redirect("/foo"), new Refresh()))} is
 * {@code 11 | 05 00 00 00 04 00 04 2f 66 6f 6f | 00 00 00 00 05 00}.
 *
 * @param packets the packets, each an instance of a registered packet record
 */
public record Bundle(List<Object> packets) {
  public Bundle {
    packets = List.copyOf(packets);
  }

  public static Bundle of(Object... packets) {
    return new Bundle(List.of(packets));
  }
}
