package dev.packets.codegen;

import com.palantir.javapoet.ClassName;

/** The packets-core classes generated code calls. */
final class Runtime {
  static final ClassName PACKET_CODEC = ClassName.get("dev.packets.codec", "PacketCodec");
  static final ClassName SCHEMAS = ClassName.get("dev.packets.codec", "Schemas");
  static final ClassName LIMITS = ClassName.get("dev.packets", "PacketLimits");
  static final ClassName DECODE_EXCEPTION = ClassName.get("dev.packets", "DecodeException");
  static final ClassName HYDRATION_EXCEPTION = ClassName.get("dev.packets", "HydrationException");
  static final ClassName WIRE_IN = ClassName.get("dev.packets.wire", "WireIn");
  static final ClassName WIRE_OUT = ClassName.get("dev.packets.wire", "WireOut");
  static final ClassName VALUES = ClassName.get("dev.packets.wire", "Values");
  static final ClassName LIST_WIRE = ClassName.get("dev.packets.wire", "ListWire");
  static final ClassName OBJECT_WIRE = ClassName.get("dev.packets.wire", "ObjectWire");
  static final ClassName PACKED_WIRE = ClassName.get("dev.packets.wire", "PackedWire");
  static final ClassName MAP_WIRE = ClassName.get("dev.packets.wire", "MapWire");
  static final ClassName ENUM_WIRE = ClassName.get("dev.packets.wire", "EnumWire");
  static final ClassName PRESENCE_WIRE = ClassName.get("dev.packets.wire", "PresenceWire");
  static final ClassName STRING_WIRE = ClassName.get("dev.packets.wire", "StringWire");

  private Runtime() {}
}
