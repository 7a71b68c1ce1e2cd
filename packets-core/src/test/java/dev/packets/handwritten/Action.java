package dev.packets.handwritten;

import dev.packets.Packet;
import dev.packets.VarUint;

/** One varuint: schema {@code {value: "varuint"}}. */
@Packet
public record Action(@VarUint int value) {}
