package dev.packets.game.wire;

import dev.packets.Packet;
import dev.packets.VarUint;

/** The answer to {@link Join}: the player's entity, the node that simulates it and the world's size. */
@Packet
public record Joined(@VarUint int entity, String node, float world) {}
