package dev.packets.codegen;

import static dev.packets.codegen.Runtime.ENUM_WIRE;
import static dev.packets.codegen.Runtime.LIMITS;
import static dev.packets.codegen.Runtime.LIST_WIRE;
import static dev.packets.codegen.Runtime.MAP_WIRE;
import static dev.packets.codegen.Runtime.PACKED_WIRE;
import static dev.packets.codegen.Runtime.PRESENCE_WIRE;
import static dev.packets.codegen.Runtime.STRING_WIRE;
import static dev.packets.codegen.Runtime.VALUES;
import static dev.packets.codegen.Runtime.WIRE_OUT;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes each object site's {@code measureN} (checks every value and limit, returns the exact size) and
 * {@code writeN} (writes the checked value): presence bits when the object has optional fields, then the fields
 * in wire order.
 */
final class EncodeMethods {
  private final Sites sites;

  EncodeMethods(Sites sites) {
    this.sites = sites;
  }

  MethodSpec measure(Sites.Site site) {
    Names names = reserved();
    CodeBlock.Builder b = CodeBlock.builder();
    int optional = site.type().optionalFields().size();
    b.addStatement("int size = $L", (optional + 7) / 8);
    for (FieldModel f : site.type().wireOrder()) {
      String path = site.path() + "." + f.wireName();
      if (f.type() instanceof TypeModel.OptionalType o) {
        b.beginControlFlow("if ($L)", present(f));
        measure(b, o.inner(), value(f), path, names);
        b.endControlFlow();
      } else {
        measure(b, f.type(), "v." + f.javaName() + "()", path, names);
      }
    }
    b.addStatement("return size");
    return MethodSpec.methodBuilder("measure" + site.index())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(TypeName.INT)
        .addParameter(site.type().record(), "v")
        .addParameter(LIMITS, "limits")
        .addCode(b.build())
        .build();
  }

  MethodSpec write(Sites.Site site) {
    Names names = reserved();
    CodeBlock.Builder b = CodeBlock.builder();
    List<FieldModel> optional = site.type().optionalFields();
    for (int start = 0; start < optional.size(); start += 8) {
      List<String> bits = new ArrayList<>();
      for (int i = start; i < Math.min(start + 8, optional.size()); i++) {
        bits.add("(" + present(optional.get(i)) + " ? " + (1 << (i - start)) + " : 0)");
      }
      b.addStatement("$T.write(out, $L)", PRESENCE_WIRE, String.join(" | ", bits));
    }
    for (FieldModel f : site.type().wireOrder()) {
      String path = site.path() + "." + f.wireName();
      if (f.type() instanceof TypeModel.OptionalType o) {
        b.beginControlFlow("if ($L)", present(f));
        write(b, o.inner(), value(f), path, names);
        b.endControlFlow();
      } else {
        write(b, f.type(), "v." + f.javaName() + "()", path, names);
      }
    }
    return MethodSpec.methodBuilder("write" + site.index())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(site.type().record(), "v")
        .addParameter(LIMITS, "limits")
        .addParameter(WIRE_OUT, "out")
        .addCode(b.build())
        .build();
  }

  /** Whether an optional field of {@code v} is present: not null, and not empty when it is an {@code Optional}. */
  static String present(FieldModel f) {
    String get = "v." + f.javaName() + "()";
    return ((TypeModel.OptionalType) f.type()).javaOptional() ? get + " != null && " + get + ".isPresent()"
        : get + " != null";
  }

  /** The value of an optional field of {@code v} that is present. */
  static String value(FieldModel f) {
    String get = "v." + f.javaName() + "()";
    return ((TypeModel.OptionalType) f.type()).javaOptional() ? get + ".get()" : get;
  }

  private static Names reserved() {
    Names names = new Names();
    for (String n : new String[] {"v", "limits", "out", "size"}) {
      names.next(n);
    }
    return names;
  }

  private void measure(CodeBlock.Builder b, TypeModel type, String expr, String path, Names names) {
    if (type instanceof TypeModel.Scalar s) {
      WireType w = s.wire();
      if (s.boxed()) {
        b.addStatement("$T.required($L, $S, $T.TYPE)", VALUES, expr, path, w.wireClass);
      }
      switch (w) {
        case STRING, BUFFER -> b.addStatement("size += $T.size($L, limits, $S)", w.wireClass, expr, path);
        case VARUINT -> {
          if (s.carrier() == Carrier.INT) {
            b.addStatement("size += $T.size($L, $S)", w.wireClass, unboxed(s, expr), path);
          } else {
            b.addStatement("size += $T.size($T.check($L, $S))", w.wireClass, w.wireClass, expr, path);
          }
        }
        case VARINT -> b.addStatement("size += $T.size($T.check($L, $S))", w.wireClass, w.wireClass, expr, path);
        case VARINT64, VARUINT64 -> b.addStatement("size += $T.size($L)", w.wireClass, expr);
        default -> {
          if (w.checked.contains(s.carrier())) {
            b.addStatement("$T.check($L, $S)", w.wireClass, expr, path);
          }
          b.addStatement("size += $T.SIZE", w.wireClass);
        }
      }
    } else if (type instanceof TypeModel.EnumType e) {
      b.addStatement("$T.required($L, $S, $S)", VALUES, expr, path, e.enumClass().simpleName());
      switch (e.wire()) {
        case UINT8 -> b.addStatement("size += 1");
        case VARUINT -> b.addStatement("size += $T.varUintSize($L)", ENUM_WIRE, expr);
        default -> b.addStatement("size += $T.size($L.name(), limits, $S)", STRING_WIRE, expr, path);
      }
    } else if (type instanceof TypeModel.ObjectType o) {
      Sites.Site site = sites.at(o, path);
      b.addStatement("size += measure$L($T.required($L, $S, $S), limits)", site.index(), VALUES, expr, path, "object");
    } else if (type instanceof TypeModel.ListType l) {
      String list = names.next("list");
      String item = names.next("item");
      b.addStatement("$T $L = $L", l.javaType(), list, expr);
      b.addStatement("size += $T.countSize($L, limits, $S)", LIST_WIRE, list, path);
      b.beginControlFlow("for ($T $L : $L)", l.item().javaType(), item, list);
      measure(b, l.item(), item, path + "[]", names);
      b.endControlFlow();
    } else if (type instanceof TypeModel.MapType m) {
      String map = names.next("map");
      String entry = names.next("entry");
      b.addStatement("$T $L = $L", m.javaType(), map, expr);
      b.addStatement("size += $T.countSize($L, limits, $S)", MAP_WIRE, map, path);
      b.beginControlFlow("for ($T $L : $L.entrySet())", entryType(m), entry, map);
      measure(b, m.key(), entry + ".getKey()", path + "{key}", names);
      measure(b, m.value(), entry + ".getValue()", path + "{value}", names);
      b.endControlFlow();
    } else if (type instanceof TypeModel.PackedType) {
      b.addStatement("size += $T.measure($L, $L, limits, $S)", PACKED_WIRE, expr, expr, path);
    }
  }

  private void write(CodeBlock.Builder b, TypeModel type, String expr, String path, Names names) {
    if (type instanceof TypeModel.Scalar s) {
      WireType w = s.wire();
      if (s.carrier() == Carrier.LONG && (w == WireType.VARINT || w == WireType.VARUINT)) {
        b.addStatement("$T.write(out, (int) $L)", w.wireClass, unboxed(s, expr));
      } else {
        b.addStatement("$T.write(out, $L)", w.wireClass, expr);
      }
    } else if (type instanceof TypeModel.EnumType e) {
      switch (e.wire()) {
        case UINT8 -> b.addStatement("$T.writeUInt8(out, $L)", ENUM_WIRE, expr);
        case VARUINT -> b.addStatement("$T.writeVarUint(out, $L)", ENUM_WIRE, expr);
        default -> b.addStatement("$T.write(out, $L.name())", STRING_WIRE, expr);
      }
    } else if (type instanceof TypeModel.ObjectType o) {
      b.addStatement("write$L($L, limits, out)", sites.at(o, path).index(), expr);
    } else if (type instanceof TypeModel.ListType l) {
      String list = names.next("list");
      String item = names.next("item");
      b.addStatement("$T $L = $L", l.javaType(), list, expr);
      b.addStatement("$T.writeCount(out, $L)", LIST_WIRE, list);
      b.beginControlFlow("for ($T $L : $L)", l.item().javaType(), item, list);
      write(b, l.item(), item, path + "[]", names);
      b.endControlFlow();
    } else if (type instanceof TypeModel.MapType m) {
      String map = names.next("map");
      String entry = names.next("entry");
      b.addStatement("$T $L = $L", m.javaType(), map, expr);
      b.addStatement("$T.writeCount(out, $L)", MAP_WIRE, map);
      b.beginControlFlow("for ($T $L : $L.entrySet())", entryType(m), entry, map);
      write(b, m.key(), entry + ".getKey()", path + "{key}", names);
      write(b, m.value(), entry + ".getValue()", path + "{value}", names);
      b.endControlFlow();
    } else if (type instanceof TypeModel.PackedType) {
      b.addStatement("$T.write(out, $L, $L, limits, $S)", PACKED_WIRE, expr, expr, path);
    }
  }

  static TypeName entryType(TypeModel.MapType m) {
    return ParameterizedTypeName.get(ClassName.get(Map.Entry.class), m.key().javaType(), m.value().javaType());
  }

  /** A boxed value as its primitive, so that casts such as {@code (int)} apply. */
  private static String unboxed(TypeModel.Scalar s, String expr) {
    return s.boxed() ? "(" + s.carrier().javaName + ") " + expr : expr;
  }
}
