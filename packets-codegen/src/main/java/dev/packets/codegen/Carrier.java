package dev.packets.codegen;

import com.palantir.javapoet.TypeName;

/** The Java type that carries a scalar wire value, primitive or boxed. */
enum Carrier {
  BOOLEAN("boolean", TypeName.BOOLEAN, "Boolean"),
  BYTE("byte", TypeName.BYTE, "Byte"),
  SHORT("short", TypeName.SHORT, "Short"),
  CHAR("char", TypeName.CHAR, "Character"),
  INT("int", TypeName.INT, "Integer"),
  LONG("long", TypeName.LONG, "Long"),
  FLOAT("float", TypeName.FLOAT, "Float"),
  DOUBLE("double", TypeName.DOUBLE, "Double"),
  STRING("String", null, null),
  BYTES("byte[]", null, null);

  final String javaName;
  final TypeName primitive;
  final String boxName;

  Carrier(String javaName, TypeName primitive, String boxName) {
    this.javaName = javaName;
    this.primitive = primitive;
    this.boxName = boxName;
  }

  /** The carrier of a primitive or box name ({@code int}, {@code java.lang.Integer}), or null. */
  static Carrier of(String typeName) {
    for (Carrier c : values()) {
      if (c.javaName.equals(typeName) || (c.boxName != null && ("java.lang." + c.boxName).equals(typeName))) {
        return c;
      }
    }
    if ("java.lang.String".equals(typeName)) {
      return STRING;
    }
    return null;
  }

  /** The name to show in messages: {@code int}, or {@code Integer} for a box. */
  String display(boolean boxed) {
    return boxed && boxName != null ? boxName : javaName;
  }
}
