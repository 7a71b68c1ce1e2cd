package dev.packets.game.wire;

import dev.packets.Packed;
import dev.packets.Packet;
import java.util.Map;

/**
 * A chat line with small, msgpack-packed metadata (a colour, an emote). A client's {@code from} is ignored: the
 * server sends the line on under the sender's player name.
 */
@Packet
public record Chat(String from, String text, @Packed Map<String, Object> meta) {}
