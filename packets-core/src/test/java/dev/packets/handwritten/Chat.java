package dev.packets.handwritten;

import dev.packets.Packet;
import dev.packets.VarUint;

/** A varuint and a string: schema {@code {from: "varuint", text: "string"}}. */
@Packet
public record Chat(@VarUint int from, String text) {}
