package dev.packets.codegen;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.TypeElement;

/**
 * A packet to write a codec for.
 *
 * @param element the record, the generated file's originating element
 * @param name the packet name ({@code @Packet("Name")} or the record's simple name)
 * @param codec the generated class: {@code <Record>_PacketCodec} beside the record
 * @param root the record's fields
 * @param packedRecord whether the whole record travels as one msgpack map ({@code @Packed} on the record)
 * @param id the id pinned with {@code @Packet(id = N)}, or 0
 */
record PacketModel(TypeElement element, String name, ClassName codec, TypeModel.ObjectType root, boolean packedRecord,
    int id) {}
