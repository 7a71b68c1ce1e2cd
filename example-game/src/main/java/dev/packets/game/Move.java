package dev.packets.game;

import dev.packets.Packet;
import dev.packets.VarUint;

/** A player's move: the game's most frequent packet. */
@Packet
public record Move(@VarUint int entity, float x, float y, float z, short heading, String name) {}
