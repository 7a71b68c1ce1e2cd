package dev.packets.game;

import dev.packets.Packed;
import dev.packets.Packet;
import dev.packets.UInt8;
import java.util.Map;

/** A chat line with free-form, msgpack-packed metadata. */
@Packet
public record Chat(@UInt8 int channel, String text, @Packed Map<String, Object> meta) {}
