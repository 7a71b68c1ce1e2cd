/**
 * The annotation processor that writes a binary codec for every {@code @Packet} record, in three stages: analysis
 * ({@link dev.packets.codegen.RecordAnalyser} and {@link dev.packets.codegen.TypeAnalyser} read a record into a
 * {@link dev.packets.codegen.PacketModel}), validation ({@link dev.packets.codegen.Validator} checks the rules on the
 * model), and writing ({@link dev.packets.codegen.CodecWriter} writes it as Java with JavaPoet). Errors are {@link
 * dev.packets.codegen.ErrorCode}s, each with a stable tag, reported on the exact component and annotation.
 */
package dev.packets.codegen;
