/**
 * The codec contract generated codecs implement, the built-in packets' codecs, and schema helpers.
 *
 * <p><b>Internal.</b> Public only because generated codecs and the other modules call into it; not part of the API (left out of the javadoc, free to
 * change in any version: docs/compatibility.md).
 */
package dev.packets.codec;
