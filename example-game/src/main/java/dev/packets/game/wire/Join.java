package dev.packets.game.wire;

import dev.packets.Packet;

/**
 * A client asks to play under a name; answered with {@link Joined}. With {@code world} each tick's snapshot carries
 * every wanderer of the world (the browser's view); without, only what is near the player (bots).
 */
@Packet
public record Join(String name, boolean world) {}
