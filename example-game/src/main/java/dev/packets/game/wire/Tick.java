package dev.packets.game.wire;

import dev.packets.Packet;
import dev.packets.VarUint;

/** The first packet of each tick's snapshot Bundle: which tick, from which node. */
@Packet
public record Tick(@VarUint int tick, String node) {}
