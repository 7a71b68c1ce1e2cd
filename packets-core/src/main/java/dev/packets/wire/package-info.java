/** The wire types, one small class each: where every byte of a packet is written and read. */
package dev.packets.wire;
