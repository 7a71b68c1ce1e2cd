/**
 * Packets over the packets lane and Socket.IO: {@link dev.packets.server.PacketServer} accepts each packet through
 * its {@link dev.packets.server.Acceptor} and acks the response to the sender, as flecks' {@code @flecks/socket} does.
 */
package dev.packets.server;
