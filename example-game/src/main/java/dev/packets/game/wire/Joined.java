package dev.packets.game.wire;

import dev.packets.Packet;
import dev.packets.VarUint;

/**
 * The answer to {@link Join} (and the first packet after a move to another node): the player's entity, the node
 * that simulates it, the name the server knows the player by, and the world's size.
 */
@Packet
public record Joined(@VarUint int entity, String node, String name, float width, float height) {}
