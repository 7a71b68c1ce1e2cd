/**
 * The transports on Jetty 12, and nothing above them: engine.io (websocket and long-polling) for Socket.IO, the
 * packets lane's websocket, the gate every connection passes, and the frame meters.
 */
package dev.packets.server.engine;
