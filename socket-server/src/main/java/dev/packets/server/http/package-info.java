/**
 * The small servlets a packet server serves beside Socket.IO: health, the packet table, class path files.
 *
 * <p><b>Internal.</b> Public only because the server's own package call into it; not part of the API (left out of the javadoc, free to
 * change in any version: docs/compatibility.md).
 */
package dev.packets.server.http;
