package dev.packets.codegen;

import static dev.packets.codegen.Runtime.LIST_WIRE;
import static dev.packets.codegen.Runtime.PACKED_WIRE;
import static dev.packets.codegen.Runtime.WIRE_IN;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/** Writes each object site's {@code readN}: fields in wire order into locals, then the record's constructor. */
final class DecodeMethods {
  private final Sites sites;

  DecodeMethods(Sites sites) {
    this.sites = sites;
  }

  MethodSpec read(Sites.Site site) {
    Names names = new Names();
    names.next("in");
    CodeBlock.Builder b = CodeBlock.builder();
    Map<String, String> locals = new LinkedHashMap<>();
    for (FieldModel f : site.type().wireOrder()) {
      String local = names.next(f.javaName());
      CodeBlock value = read(b, f.type(), site.path() + "." + f.wireName(), names);
      b.addStatement("$T $L = $L", f.type().javaType(), local, value);
      locals.put(f.javaName(), local);
    }
    List<String> args = new ArrayList<>();
    for (FieldModel f : site.type().fields()) {
      args.add(locals.get(f.javaName()));
    }
    b.addStatement("return new $T($L)", site.type().record(), String.join(", ", args));
    return MethodSpec.methodBuilder("read" + site.index())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(site.type().record())
        .addParameter(WIRE_IN, "in")
        .addCode(b.build())
        .build();
  }

  /** Adds the statements a value needs to {@code b} and returns the expression that yields it. */
  private CodeBlock read(CodeBlock.Builder b, TypeModel type, String path, Names names) {
    if (type instanceof TypeModel.Scalar s) {
      return CodeBlock.of("$L$T.read(in, $S)", Casts.of(s), s.wire().wireClass, path);
    }
    if (type instanceof TypeModel.ObjectType o) {
      return CodeBlock.of("read$L(in)", sites.at(o, path).index());
    }
    if (type instanceof TypeModel.ListType l) {
      String count = names.next("count");
      String list = names.next("list");
      String i = names.next("i");
      b.addStatement("int $L = $T.readCount(in, $S, $L)", count, LIST_WIRE, path, l.item().minBytes());
      b.addStatement("$T $L = new $T<>($L)", l.javaType(), list, ClassName.get(ArrayList.class), count);
      b.beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, count, i);
      CodeBlock item = read(b, l.item(), path + "[]", names);
      b.addStatement("$L.add($L)", list, item);
      b.endControlFlow();
      return CodeBlock.of("$L", list);
    }
    TypeModel.PackedType p = (TypeModel.PackedType) type;
    return CodeBlock.of("$T.read(in, $S, $T.class)", PACKED_WIRE, path, p.erasure());
  }
}
