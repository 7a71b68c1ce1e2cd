package dev.packets.game.wire;

import dev.packets.Packet;
import dev.packets.VarUint;

/** Where an entity is, and which node simulates it. */
@Packet
public record Position(@VarUint int entity, float x, float y, String node) {}
