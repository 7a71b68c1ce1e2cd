/**
 * The wire types, one small class each: where every byte of a packet is written and read.
 *
 * <p><b>Internal.</b> Public only because generated codecs call into it; not part of the API (left out of the javadoc, free to
 * change in any version: docs/compatibility.md).
 */
package dev.packets.wire;
