package dev.packets.bench.codec;

import dev.packets.Packet;
import dev.packets.VarUint;

/** The game packet of the benchmark. */
@Packet
public record Move(@VarUint int entity, float x, float y, float z, short heading, String name) {
  static final Move SAMPLE = new Move(7, 1.5f, -2f, 0.25f, (short) 90, "ada");
}
