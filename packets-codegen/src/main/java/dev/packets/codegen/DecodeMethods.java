package dev.packets.codegen;

import static dev.packets.codegen.Runtime.ENUM_WIRE;
import static dev.packets.codegen.Runtime.LIST_WIRE;
import static dev.packets.codegen.Runtime.MAP_WIRE;
import static dev.packets.codegen.Runtime.PACKED_WIRE;
import static dev.packets.codegen.Runtime.PRESENCE_WIRE;
import static dev.packets.codegen.Runtime.WIRE_IN;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes each object site's {@code readN}: the presence bits when the object has optional fields, the fields in
 * wire order into locals, then the record's constructor.
 */
final class DecodeMethods {
  private final Sites sites;
  private final EnumFields enums;

  DecodeMethods(Sites sites, EnumFields enums) {
    this.sites = sites;
    this.enums = enums;
  }

  MethodSpec read(Sites.Site site) {
    Names names = new Names();
    names.next("in");
    CodeBlock.Builder b = CodeBlock.builder();
    List<FieldModel> optional = site.type().optionalFields();
    List<String> presence = new ArrayList<>();
    for (int start = 0; start < optional.size(); start += 8) {
      String bits = names.next("present");
      int used = (1 << Math.min(8, optional.size() - start)) - 1;
      b.addStatement("int $L = $T.read(in, $S, $L)", bits, PRESENCE_WIRE, site.path(), used);
      presence.add(bits);
    }
    Map<String, String> locals = new LinkedHashMap<>();
    for (FieldModel f : site.type().wireOrder()) {
      String local = names.next(f.javaName());
      String path = site.path() + "." + f.wireName();
      if (f.type() instanceof TypeModel.OptionalType o) {
        int i = optional.indexOf(f);
        b.addStatement("$T $L = $L", o.javaType(), local, o.javaOptional() ? CodeBlock.of("$T.empty()", Optional.class)
            : "null");
        b.beginControlFlow("if (($L & $L) != 0)", presence.get(i / 8), 1 << (i % 8));
        CodeBlock value = read(b, o.inner(), path, names);
        b.addStatement("$L = $L", local, o.javaOptional() ? CodeBlock.of("$T.of($L)", Optional.class, value) : value);
        b.endControlFlow();
      } else {
        CodeBlock value = read(b, f.type(), path, names);
        b.addStatement("$T $L = $L", f.type().javaType(), local, value);
      }
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
    if (type instanceof TypeModel.EnumType e) {
      String how = switch (e.wire()) {
        case UINT8 -> "readUInt8";
        case VARUINT -> "readVarUint";
        default -> "readName";
      };
      return CodeBlock.of("$T.$L(in, $S, $L)", ENUM_WIRE, how, path, enums.of(e));
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
    if (type instanceof TypeModel.MapType m) {
      String count = names.next("count");
      String map = names.next("map");
      String i = names.next("i");
      String at = names.next("at");
      String key = names.next("key");
      String value = names.next("value");
      b.addStatement("int $L = $T.readCount(in, $S, $L)", count, MAP_WIRE, path, m.entryBytes());
      // the count is bounded by the list limit and by the bytes left, so the table it sizes is too
      b.addStatement("$T $L = new $T<>($L + $L / 3 + 1)", m.javaType(), map, ClassName.get(LinkedHashMap.class), count,
          count);
      b.beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, count, i);
      b.addStatement("int $L = in.offset()", at);
      b.addStatement("$T $L = $L", m.key().javaType(), key, read(b, m.key(), path + "{key}", names));
      CodeBlock v = read(b, m.value(), path + "{value}", names);
      b.addStatement("$T $L = $L", m.value().javaType(), value, v);
      b.addStatement("$T.put($L, $L, $L, in, $L, $S)", MAP_WIRE, map, key, value, at, path);
      b.endControlFlow();
      return CodeBlock.of("$L", map);
    }
    TypeModel.PackedType p = (TypeModel.PackedType) type;
    return CodeBlock.of("$T.read(in, $S, $T.class)", PACKED_WIRE, path, p.erasure());
  }
}
