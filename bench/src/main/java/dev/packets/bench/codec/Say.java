package dev.packets.bench.codec;

import dev.packets.Packet;
import dev.packets.Packed;
import dev.packets.VarUint;
import java.util.Map;

/** A chat line with a packed (msgpack) map of extras, as the game's Chat carries. */
@Packet
public record Say(@VarUint int from, String text, @Packed Map<String, Object> meta) {
  public static final Say SAMPLE = new Say(7, "hello there", Map.of("color", "#ffcc00", "emote", true, "size", 2));
}
