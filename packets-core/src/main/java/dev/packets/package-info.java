/**
 * Packets as annotated records: the annotations, the built-in packets and the {@link dev.packets.PacketRegistry}
 * that assigns ids and encodes, decodes, hydrates and dehydrates them.
 */
package dev.packets;
