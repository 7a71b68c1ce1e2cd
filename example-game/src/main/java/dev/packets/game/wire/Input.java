package dev.packets.game.wire;

import dev.packets.Packet;
import dev.packets.VarUint;

/** A player's steering: a heading in radians and a speed in world units per second. */
@Packet
public record Input(@VarUint int entity, float heading, float speed) {}
