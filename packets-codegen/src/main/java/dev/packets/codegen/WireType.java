package dev.packets.codegen;

import com.palantir.javapoet.ClassName;
import java.util.EnumSet;
import java.util.Set;

/** The scalar wire types, with their annotation, the runtime class that writes them and the carriers allowed. */
enum WireType {
  BOOL("bool", null, "BoolWire", 1, EnumSet.of(Carrier.BOOLEAN), EnumSet.noneOf(Carrier.class)),
  INT8("int8", "Int8", "Int8Wire", 1, EnumSet.of(Carrier.BYTE, Carrier.SHORT, Carrier.INT), EnumSet.of(Carrier.SHORT, Carrier.INT)),
  UINT8("uint8", "UInt8", "UInt8Wire", 1, EnumSet.of(Carrier.SHORT, Carrier.INT), EnumSet.of(Carrier.SHORT, Carrier.INT)),
  INT16("int16", "Int16", "Int16Wire", 2, EnumSet.of(Carrier.SHORT, Carrier.INT), EnumSet.of(Carrier.INT)),
  UINT16("uint16", "UInt16", "UInt16Wire", 2, EnumSet.of(Carrier.INT, Carrier.CHAR), EnumSet.of(Carrier.INT)),
  INT32("int32", "Int32", "Int32Wire", 4, EnumSet.of(Carrier.INT), EnumSet.noneOf(Carrier.class)),
  UINT32("uint32", "UInt32", "UInt32Wire", 4, EnumSet.of(Carrier.LONG), EnumSet.of(Carrier.LONG)),
  /** An extension: schemapack has no 64-bit integers (docs/wire-format.md). */
  INT64("int64", "Int64", "Int64Wire", 8, EnumSet.of(Carrier.LONG), EnumSet.noneOf(Carrier.class)),
  /** An extension: the long's 64 bits read as unsigned. */
  UINT64("uint64", "UInt64", "UInt64Wire", 8, EnumSet.of(Carrier.LONG), EnumSet.noneOf(Carrier.class)),
  /** An extension: zigzag LEB128 over 64 bits. */
  VARINT64("varint64", "VarInt64", "VarInt64Wire", 1, EnumSet.of(Carrier.LONG), EnumSet.noneOf(Carrier.class)),
  /** An extension: LEB128 over the long's 64 bits read as unsigned. */
  VARUINT64("varuint64", "VarUint64", "VarUint64Wire", 1, EnumSet.of(Carrier.LONG), EnumSet.noneOf(Carrier.class)),
  FLOAT32("float32", "Float32", "Float32Wire", 4, EnumSet.of(Carrier.FLOAT), EnumSet.noneOf(Carrier.class)),
  FLOAT64("float64", "Float64", "Float64Wire", 8, EnumSet.of(Carrier.DOUBLE), EnumSet.noneOf(Carrier.class)),
  VARINT("varint", "VarInt", "VarIntWire", 1, EnumSet.of(Carrier.INT, Carrier.LONG), EnumSet.of(Carrier.INT, Carrier.LONG)),
  VARUINT("varuint", "VarUint", "VarUintWire", 1, EnumSet.of(Carrier.INT, Carrier.LONG), EnumSet.of(Carrier.INT, Carrier.LONG)),
  STRING("string", null, "StringWire", 1, EnumSet.of(Carrier.STRING), EnumSet.noneOf(Carrier.class)),
  BUFFER("buffer", null, "BufferWire", 1, EnumSet.of(Carrier.BYTES), EnumSet.noneOf(Carrier.class));

  static final String ANNOTATION_PACKAGE = "dev.packets";
  static final String WIRE_PACKAGE = "dev.packets.wire";

  /** The name in a schemapack schema. */
  final String schemaName;
  /** The simple name of the annotation that selects this type, or null for types chosen by Java type alone. */
  final String annotation;
  final ClassName wireClass;
  /** The fewest bytes one value takes. */
  final int minBytes;
  final Set<Carrier> carriers;
  /** Carriers whose values need a range check before writing. */
  final Set<Carrier> checked;

  WireType(String schemaName, String annotation, String wireClass, int minBytes, Set<Carrier> carriers,
      Set<Carrier> checked) {
    this.schemaName = schemaName;
    this.annotation = annotation;
    this.wireClass = ClassName.get(WIRE_PACKAGE, wireClass);
    this.minBytes = minBytes;
    this.carriers = carriers;
    this.checked = checked;
  }

  /** The wire type an annotation's qualified name selects, or null. */
  static WireType ofAnnotation(String qualifiedName) {
    for (WireType t : values()) {
      if (t.annotation != null && (ANNOTATION_PACKAGE + "." + t.annotation).equals(qualifiedName)) {
        return t;
      }
    }
    return null;
  }

  /** The wire type a Java type has without an annotation, or null when it must be chosen. */
  static WireType defaultFor(Carrier carrier) {
    return switch (carrier) {
      case BOOLEAN -> BOOL;
      case BYTE -> INT8;
      case SHORT -> INT16;
      case INT -> INT32;
      case FLOAT -> FLOAT32;
      case DOUBLE -> FLOAT64;
      case STRING -> STRING;
      case BYTES -> BUFFER;
      case LONG, CHAR -> null;
    };
  }

  /** Whether this type carries a long's 64 bits read as unsigned, dehydrated as a number up to 2^64-1. */
  boolean unsigned64() {
    return this == UINT64 || this == VARUINT64;
  }

  /** Whether a map key may have this type: not floats (equality) nor buffers (identity). */
  boolean keyable() {
    return this != FLOAT32 && this != FLOAT64 && this != BUFFER;
  }

  /** "a byte, short or int" for messages. */
  String carrierList(boolean boxed) {
    StringBuilder out = new StringBuilder();
    Carrier[] list = carriers.toArray(new Carrier[0]);
    for (int i = 0; i < list.length; i++) {
      if (i > 0) {
        out.append(i == list.length - 1 ? " or " : ", ");
      }
      out.append(list[i].display(boxed));
    }
    return out.toString();
  }
}
