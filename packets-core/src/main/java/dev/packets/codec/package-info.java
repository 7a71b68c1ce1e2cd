/** The codec contract generated codecs implement, the built-in packets' codecs, and schema helpers. */
package dev.packets.codec;
