/** The adapter that hosts socket.io-server-java's engine.io on Jetty 12: websocket endpoint and polling servlet. */
package dev.packets.server.engine;
