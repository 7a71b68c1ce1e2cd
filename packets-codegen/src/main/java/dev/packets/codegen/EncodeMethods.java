package dev.packets.codegen;

import static dev.packets.codegen.Runtime.LIMITS;
import static dev.packets.codegen.Runtime.LIST_WIRE;
import static dev.packets.codegen.Runtime.PACKED_WIRE;
import static dev.packets.codegen.Runtime.VALUES;
import static dev.packets.codegen.Runtime.WIRE_OUT;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import javax.lang.model.element.Modifier;

/**
 * Writes each object site's {@code measureN} (checks every value and limit, returns the exact size) and
 * {@code writeN} (writes the checked value), fields in wire order.
 */
final class EncodeMethods {
  private final Sites sites;

  EncodeMethods(Sites sites) {
    this.sites = sites;
  }

  MethodSpec measure(Sites.Site site) {
    Names names = reserved();
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("int size = 0");
    for (FieldModel f : site.type().wireOrder()) {
      measure(b, f.type(), "v." + f.javaName() + "()", site.path() + "." + f.wireName(), names);
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
    for (FieldModel f : site.type().wireOrder()) {
      write(b, f.type(), "v." + f.javaName() + "()", site.path() + "." + f.wireName(), names);
    }
    return MethodSpec.methodBuilder("write" + site.index())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(site.type().record(), "v")
        .addParameter(LIMITS, "limits")
        .addParameter(WIRE_OUT, "out")
        .addCode(b.build())
        .build();
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
        default -> {
          if (w.checked.contains(s.carrier())) {
            b.addStatement("$T.check($L, $S)", w.wireClass, expr, path);
          }
          b.addStatement("size += $T.SIZE", w.wireClass);
        }
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
    } else if (type instanceof TypeModel.PackedType) {
      b.addStatement("$T.write(out, $L, $L, limits, $S)", PACKED_WIRE, expr, expr, path);
    }
  }

  /** A boxed value as its primitive, so that casts such as {@code (int)} apply. */
  private static String unboxed(TypeModel.Scalar s, String expr) {
    return s.boxed() ? "(" + s.carrier().javaName + ") " + expr : expr;
  }
}
