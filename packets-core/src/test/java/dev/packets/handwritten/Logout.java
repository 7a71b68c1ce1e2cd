package dev.packets.handwritten;

import dev.packets.Packet;

/** No fields: schema {@code {}}, zero bytes. */
@Packet
public record Logout() {}
