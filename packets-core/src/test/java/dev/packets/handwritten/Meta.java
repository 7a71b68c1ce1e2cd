package dev.packets.handwritten;

import dev.packets.Packed;
import dev.packets.Packet;
import dev.packets.UInt8;

/** flecks' {@code Packer('meta')}: a msgpack-packed field beside an ordinary one. */
@Packet
public record Meta(@UInt8 int id, @Packed Object meta) {}
