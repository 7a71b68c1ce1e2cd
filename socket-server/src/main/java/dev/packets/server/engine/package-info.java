/**
 * The transports on Jetty 12, and nothing above them: engine.io (websocket and long-polling) for Socket.IO, the
 * packets lane's websocket, the gate every connection passes, and the frame meters.
 *
 * <p><b>Internal.</b> Public only because the server's own package call into it; not part of the API (left out of the javadoc, free to
 * change in any version: docs/compatibility.md).
 */
package dev.packets.server.engine;
