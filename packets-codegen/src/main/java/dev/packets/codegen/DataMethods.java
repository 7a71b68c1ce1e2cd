package dev.packets.codegen;

import static dev.packets.codegen.Runtime.LIMITS;
import static dev.packets.codegen.Runtime.ENUM_WIRE;
import static dev.packets.codegen.Runtime.LIST_WIRE;
import static dev.packets.codegen.Runtime.MAP_WIRE;
import static dev.packets.codegen.Runtime.OBJECT_WIRE;
import static dev.packets.codegen.Runtime.PACKED_WIRE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes each object site's {@code dehydrateN} (the record as a {@code Map} of wire names in declaration order, an
 * absent optional field left out) and {@code hydrateN} (the record from JSON-like data, checked like encoding; an
 * optional field may be missing or null).
 */
final class DataMethods {
  private static final TypeName OBJECT = ClassName.get(Object.class);
  private static final TypeName ANY_MAP = ParameterizedTypeName.get(ClassName.get(Map.class),
      WildcardTypeName.subtypeOf(Object.class), WildcardTypeName.subtypeOf(Object.class));
  private static final TypeName ANY_LIST = ParameterizedTypeName.get(ClassName.get(List.class),
      WildcardTypeName.subtypeOf(Object.class));

  private static final TypeName ANY_ENTRY = ParameterizedTypeName.get(ClassName.get(Map.Entry.class),
      WildcardTypeName.subtypeOf(Object.class), WildcardTypeName.subtypeOf(Object.class));

  private final Sites sites;
  private final EnumFields enums;

  DataMethods(Sites sites, EnumFields enums) {
    this.sites = sites;
    this.enums = enums;
  }

  /** The name of the constant holding a site's wire names. */
  static String fieldsConstant(Sites.Site site) {
    return "FIELDS" + site.index();
  }

  MethodSpec dehydrate(Sites.Site site) {
    Names names = new Names();
    names.next("v");
    names.next("data");
    CodeBlock.Builder b = CodeBlock.builder();
    b.beginControlFlow("if (v == null)").addStatement("return null").endControlFlow();
    b.addStatement("$T<$T, $T> data = new $T<>($L)", Map.class, String.class, Object.class, LinkedHashMap.class,
        Math.max(4, site.type().fields().size() * 2));
    for (FieldModel f : site.type().fields()) {
      String path = site.path() + "." + f.wireName();
      if (f.type() instanceof TypeModel.OptionalType o) {
        b.beginControlFlow("if ($L)", EncodeMethods.present(f));
        CodeBlock value = dehydrate(b, o.inner(), EncodeMethods.value(f), path, names);
        b.addStatement("data.put($S, $L)", f.wireName(), value);
        b.endControlFlow();
      } else {
        CodeBlock value = dehydrate(b, f.type(), "v." + f.javaName() + "()", path, names);
        b.addStatement("data.put($S, $L)", f.wireName(), value);
      }
    }
    b.addStatement("return data");
    return MethodSpec.methodBuilder("dehydrate" + site.index())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(OBJECT)
        .addParameter(site.type().record(), "v")
        .addCode(b.build())
        .build();
  }

  private CodeBlock dehydrate(CodeBlock.Builder b, TypeModel type, String expr, String path, Names names) {
    if (type instanceof TypeModel.Scalar s) {
      if (s.carrier() == Carrier.CHAR) {
        return s.boxed() ? CodeBlock.of("$L == null ? null : (Object) (int) $L.charValue()", expr, expr)
            : CodeBlock.of("(int) $L", expr);
      }
      if (s.wire().unsigned64()) {
        return s.boxed() ? CodeBlock.of("$L == null ? null : $T.dehydrate($L)", expr, s.wire().wireClass, expr)
            : CodeBlock.of("$T.dehydrate($L)", s.wire().wireClass, expr);
      }
      return CodeBlock.of("$L", expr);
    }
    if (type instanceof TypeModel.EnumType) {
      return CodeBlock.of("$L == null ? null : $L.name()", expr, expr);
    }
    if (type instanceof TypeModel.ObjectType o) {
      return CodeBlock.of("dehydrate$L($L)", sites.at(o, path).index(), expr);
    }
    if (type instanceof TypeModel.MapType m) {
      String src = names.next("map");
      String out = names.next("entries");
      String entry = names.next("entry");
      b.addStatement("$T $L = $L", m.javaType(), src, expr);
      b.addStatement("$T<$T, $T> $L = null", Map.class, Object.class, Object.class, out);
      b.beginControlFlow("if ($L != null)", src);
      b.addStatement("$L = new $T<>($L.size() * 2)", out, LinkedHashMap.class, src);
      b.beginControlFlow("for ($T $L : $L.entrySet())", EncodeMethods.entryType(m), entry, src);
      CodeBlock key = dehydrate(b, m.key(), entry + ".getKey()", path + "{key}", names);
      CodeBlock value = dehydrate(b, m.value(), entry + ".getValue()", path + "{value}", names);
      b.addStatement("$L.put($L, $L)", out, key, value);
      b.endControlFlow();
      b.endControlFlow();
      return CodeBlock.of("$L", out);
    }
    if (type instanceof TypeModel.ListType l) {
      String src = names.next("list");
      String out = names.next("items");
      String item = names.next("item");
      b.addStatement("$T $L = $L", l.javaType(), src, expr);
      b.addStatement("$T<$T> $L = null", List.class, Object.class, out);
      b.beginControlFlow("if ($L != null)", src);
      b.addStatement("$L = new $T<>($L.size())", out, ArrayList.class, src);
      b.beginControlFlow("for ($T $L : $L)", l.item().javaType(), item, src);
      CodeBlock value = dehydrate(b, l.item(), item, path + "[]", names);
      b.addStatement("$L.add($L)", out, value);
      b.endControlFlow();
      b.endControlFlow();
      return CodeBlock.of("$L", out);
    }
    return CodeBlock.of("$L", expr);
  }

  MethodSpec hydrate(Sites.Site site) {
    Names names = new Names();
    names.next("data");
    names.next("limits");
    names.next("m");
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("$T m = $T.hydrate(data, $S, $L)", ANY_MAP, OBJECT_WIRE, site.path(), fieldsConstant(site));
    List<String> args = new ArrayList<>();
    for (FieldModel f : site.type().fields()) {
      String local = names.next(f.javaName());
      String path = site.path() + "." + f.wireName();
      if (f.type() instanceof TypeModel.OptionalType o) {
        String raw = names.next(f.javaName() + "Data");
        b.addStatement("$T $L = m.get($S)", Object.class, raw, f.wireName());
        b.addStatement("$T $L = $L", o.javaType(), local, o.javaOptional()
            ? CodeBlock.of("$T.empty()", Optional.class) : "null");
        b.beginControlFlow("if ($L != null)", raw);
        CodeBlock value = hydrate(b, o.inner(), CodeBlock.of("$L", raw), path, names);
        b.addStatement("$L = $L", local, o.javaOptional() ? CodeBlock.of("$T.of($L)", Optional.class, value) : value);
        b.endControlFlow();
      } else {
        CodeBlock value = hydrate(b, f.type(), CodeBlock.of("m.get($S)", f.wireName()), path, names);
        b.addStatement("$T $L = $L", f.type().javaType(), local, value);
      }
      args.add(local);
    }
    b.addStatement("return new $T($L)", site.type().record(), String.join(", ", args));
    return MethodSpec.methodBuilder("hydrate" + site.index())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(site.type().record())
        .addParameter(OBJECT, "data")
        .addParameter(LIMITS, "limits")
        .addCode(b.build())
        .build();
  }

  private CodeBlock hydrate(CodeBlock.Builder b, TypeModel type, CodeBlock expr, String path, Names names) {
    if (type instanceof TypeModel.Scalar s) {
      WireType w = s.wire();
      if (w == WireType.STRING || w == WireType.BUFFER) {
        return CodeBlock.of("$T.hydrate($L, $S, limits)", w.wireClass, expr, path);
      }
      return CodeBlock.of("$L$T.hydrate($L, $S)", Casts.of(s), w.wireClass, expr, path);
    }
    if (type instanceof TypeModel.EnumType e) {
      return CodeBlock.of("$T.hydrate($L, $S, $L)", ENUM_WIRE, expr, path, enums.of(e));
    }
    if (type instanceof TypeModel.ObjectType o) {
      return CodeBlock.of("hydrate$L($L, limits)", sites.at(o, path).index(), expr);
    }
    if (type instanceof TypeModel.MapType m) {
      String src = names.next("src");
      String map = names.next("map");
      String entry = names.next("entry");
      String key = names.next("key");
      String value = names.next("value");
      String keyPath = path + "{key}";
      b.addStatement("$T $L = $T.hydrate($L, $S, limits)", ANY_MAP, src, MAP_WIRE, expr, path);
      b.addStatement("$T $L = new $T<>($L.size() * 2)", m.javaType(), map, LinkedHashMap.class, src);
      b.beginControlFlow("for ($T $L : $L.entrySet())", ANY_ENTRY, entry, src);
      CodeBlock rawKey = CodeBlock.of("$L.getKey()", entry);
      if (m.key() instanceof TypeModel.Scalar s && s.wire() == WireType.BOOL) {
        rawKey = CodeBlock.of("$T.booleanKey($L, $S)", MAP_WIRE, rawKey, keyPath);
      } else if (m.key() instanceof TypeModel.Scalar s && s.wire() != WireType.STRING) {
        rawKey = CodeBlock.of("$T.numberKey($L, $S)", MAP_WIRE, rawKey, keyPath);
      }
      b.addStatement("$T $L = $L", m.key().javaType(), key, hydrate(b, m.key(), rawKey, keyPath, names));
      CodeBlock v = hydrate(b, m.value(), CodeBlock.of("$L.getValue()", entry), path + "{value}", names);
      b.addStatement("$T $L = $L", m.value().javaType(), value, v);
      b.addStatement("$T.putHydrated($L, $L, $L, $S)", MAP_WIRE, map, key, value, path);
      b.endControlFlow();
      return CodeBlock.of("$T.unmodifiableMap($L)", Collections.class, map);
    }
    if (type instanceof TypeModel.ListType l) {
      String src = names.next("src");
      String list = names.next("list");
      String item = names.next("item");
      b.addStatement("$T $L = $T.hydrate($L, $S, limits)", ANY_LIST, src, LIST_WIRE, expr, path);
      b.addStatement("$T $L = new $T<>($L.size())", l.javaType(), list, ArrayList.class, src);
      b.beginControlFlow("for ($T $L : $L)", Object.class, item, src);
      CodeBlock value = hydrate(b, l.item(), CodeBlock.of("$L", item), path + "[]", names);
      b.addStatement("$L.add($L)", list, value);
      b.endControlFlow();
      return CodeBlock.of("$T.unmodifiableList($L)", Collections.class, list);
    }
    TypeModel.PackedType p = (TypeModel.PackedType) type;
    return CodeBlock.of("$T.hydrate($L, $S, limits, $T.class)", PACKED_WIRE, expr, path, p.erasure());
  }
}
