package dev.packets.game.wire;

import dev.packets.Packet;

/** A client asks to play under a name; answered with {@link Joined}. */
@Packet
public record Join(String name) {}
