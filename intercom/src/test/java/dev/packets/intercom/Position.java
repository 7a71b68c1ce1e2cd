package dev.packets.intercom;

import dev.packets.Packet;
import dev.packets.VarUint;

/** A packet the processor writes a codec for, to carry through the intercom in its binary form. */
@Packet
public record Position(@VarUint int entity, float x, float y) {}
