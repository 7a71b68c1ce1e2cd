/**
 * The Java client, on the JDK's websocket: packets on the packets lane (one websocket frame each) or over Socket.IO
 * (engine.io v4 / Socket.IO v5 on a websocket) when the lane is refused.
 */
package dev.packets.client;
