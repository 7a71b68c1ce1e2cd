/** The small servlets a packet server serves beside Socket.IO: health, the packet table, class path files. */
package dev.packets.server.http;
