package dev.packets.bench.cluster;

import dev.packets.Packet;

/** The broadcast packet: when it was sent (microseconds since the epoch) and its number; 12 bytes. */
@Packet
public record Stamp(double sentMicros, int seq) {}
