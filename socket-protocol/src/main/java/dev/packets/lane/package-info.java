/** The packets lane's frames, one home for server and client: one websocket frame per packet and per answer. */
package dev.packets.lane;
