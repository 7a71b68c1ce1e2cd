/**
 * The annotation processor that writes a binary codec for every {@code @Packet} record, in three stages:
 * {@link dev.packets.codegen.Analyser} reads a record into a {@link dev.packets.codegen.PacketModel} (reporting
 * errors on the exact component and annotation), and {@link dev.packets.codegen.CodecWriter} writes the model as
 * Java with JavaPoet.
 */
package dev.packets.codegen;
