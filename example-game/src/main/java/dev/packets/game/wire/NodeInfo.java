package dev.packets.game.wire;

import dev.packets.Packet;
import dev.packets.VarUint;

/**
 * One node as the others see it, published every second: its name and address, what it simulates, and its traffic
 * over the last second (packets and bytes in and out of its server, hand-offs it made).
 */
@Packet
public record NodeInfo(String name, String url, @VarUint int entities, @VarUint int players, @VarUint int packetsIn,
    @VarUint int packetsOut, @VarUint int bytesIn, @VarUint int bytesOut, @VarUint int handoffs) {}
