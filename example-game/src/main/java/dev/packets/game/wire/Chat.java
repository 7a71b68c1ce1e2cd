package dev.packets.game.wire;

import dev.packets.Packed;
import dev.packets.Packet;
import java.util.Map;

/** A chat line with free-form, msgpack-packed metadata (colour, emotes …). */
@Packet
public record Chat(String from, String text, @Packed Map<String, Object> meta) {}
