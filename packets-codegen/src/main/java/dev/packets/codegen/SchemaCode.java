package dev.packets.codegen;

import static dev.packets.codegen.Runtime.SCHEMAS;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/** The schema of a model, as code that builds it with {@code Schemas}: schemapack's shapes and packets' extensions. */
final class SchemaCode {
  private SchemaCode() {}

  static CodeBlock of(TypeModel type) {
    if (type instanceof TypeModel.Scalar s) {
      return CodeBlock.of("$S", s.wire().schemaName);
    }
    if (type instanceof TypeModel.PackedType) {
      return CodeBlock.of("$S", WireType.BUFFER.schemaName);
    }
    if (type instanceof TypeModel.ListType l) {
      return CodeBlock.of("$T.list($L)", SCHEMAS, of(l.item()));
    }
    if (type instanceof TypeModel.OptionalType o) {
      return CodeBlock.of("$T.optional($L)", SCHEMAS, of(o.inner()));
    }
    if (type instanceof TypeModel.MapType m) {
      return CodeBlock.of("$T.map($L, $L)", SCHEMAS, of(m.key()), of(m.value()));
    }
    if (type instanceof TypeModel.EnumType e) {
      List<CodeBlock> names = new ArrayList<>();
      e.constants().forEach(c -> names.add(CodeBlock.of("$S", c)));
      return CodeBlock.of("$T.enumeration($S, $T.of($L))", SCHEMAS, e.wire().schemaName, List.class,
          CodeBlock.join(names, ", "));
    }
    TypeModel.ObjectType o = (TypeModel.ObjectType) type;
    List<CodeBlock> parts = new ArrayList<>();
    for (FieldModel f : o.fields()) {
      parts.add(CodeBlock.of("$S, $L", f.wireName(), of(f.type())));
    }
    return CodeBlock.of("$T.object($L)", SCHEMAS, CodeBlock.join(parts, ", "));
  }

  /** The dotted wire paths of {@code @Packed} fields, {@code []} marking list items. */
  static List<String> packedPaths(TypeModel type, String prefix, List<String> out) {
    if (type instanceof TypeModel.PackedType) {
      out.add(prefix);
    } else if (type instanceof TypeModel.ListType l) {
      packedPaths(l.item(), prefix + "[]", out);

    } else if (type instanceof TypeModel.ObjectType o) {
      for (FieldModel f : o.fields()) {
        packedPaths(f.type(), prefix.isEmpty() ? f.wireName() : prefix + "." + f.wireName(), out);
      }
    }
    return out;
  }
}
