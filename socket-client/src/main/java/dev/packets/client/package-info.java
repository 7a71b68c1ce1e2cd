/** The Java client: packets over Socket.IO (engine.io v4 / Socket.IO v5 on a websocket), through Tyrus. */
package dev.packets.client;
