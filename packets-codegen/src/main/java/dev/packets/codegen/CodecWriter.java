package dev.packets.codegen;

import static dev.packets.codegen.Runtime.DECODE_EXCEPTION;
import static dev.packets.codegen.Runtime.HYDRATION_EXCEPTION;
import static dev.packets.codegen.Runtime.LIMITS;
import static dev.packets.codegen.Runtime.PACKED_WIRE;
import static dev.packets.codegen.Runtime.PACKET_CODEC;
import static dev.packets.codegen.Runtime.WIRE_IN;
import static dev.packets.codegen.Runtime.WIRE_OUT;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Stage two: writes a {@link PacketModel} as {@code <Record>_PacketCodec}, a final class implementing
 * {@code PacketCodec} with no reflection: one set of static methods per object site, the interface methods
 * delegating to the packet's own site 0.
 */
final class CodecWriter {
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final TypeName STRING_LIST = ParameterizedTypeName.get(List.class, String.class);
  private static final TypeName STRING_SET = ParameterizedTypeName.get(Set.class, String.class);

  private final PacketModel model;
  private final boolean generatedVisible;
  private final Sites sites = new Sites();

  /** {@code generatedVisible}: whether the record's module reads {@code java.compiler}, home of {@code @Generated}. */
  CodecWriter(PacketModel model, boolean generatedVisible) {
    this.model = model;
    this.generatedVisible = generatedVisible;
  }

  JavaFile write() {
    ClassName record = ClassName.get(model.element());
    TypeSpec.Builder type = TypeSpec.classBuilder(model.codec())
        .addOriginatingElement(model.element());
    if (generatedVisible) {
      type.addAnnotation(AnnotationSpec.builder(GENERATED)
          .addMember("value", "$S", PacketProcessor.class.getName()).build());
    }
    type.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "$S", "unchecked").build())
        .addJavadoc("The binary codec of {@link $T}, packet {@code $L}. Generated; do not edit.\n", record, model.name())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(PACKET_CODEC, record));

    Sites.Site root = sites.at(model.root(), model.name());
    CodeBlock schema = model.packedRecord() ? CodeBlock.of("$S", "buffer") : SchemaCode.of(model.root());
    List<String> packed = model.packedRecord() ? List.of("") : SchemaCode.packedPaths(model.root(), "", new ArrayList<>());
    type.addField(FieldSpec.builder(Object.class, "SCHEMA", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(schema).build());
    type.addField(FieldSpec.builder(STRING_LIST, "PACKED", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of($L)", List.class, strings(packed)).build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build());

    type.addMethod(override("type").returns(ParameterizedTypeName.get(ClassName.get(Class.class), record))
        .addStatement("return $T.class", record).build());
    type.addMethod(override("name").returns(String.class).addStatement("return $S", model.name()).build());
    if (model.id() != 0) {
      type.addMethod(override("id").returns(TypeName.INT).addStatement("return $L", model.id()).build());
    }
    type.addMethod(override("schema").returns(Object.class).addStatement("return SCHEMA").build());
    type.addMethod(override("packedFields").returns(STRING_LIST).addStatement("return PACKED").build());
    interfaceMethods(type, record, root);

    EncodeMethods encode = new EncodeMethods(sites);
    EnumFields enums = new EnumFields();
    DecodeMethods decode = new DecodeMethods(sites, enums);
    DataMethods data = new DataMethods(sites, enums);
    for (Sites.Site site = sites.nextPending(); site != null; site = sites.nextPending()) {
      type.addField(FieldSpec.builder(STRING_SET, DataMethods.fieldsConstant(site),
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.of($L)", Set.class, strings(site.type().fields().stream().map(FieldModel::wireName).toList()))
          .build());
      type.addMethod(encode.measure(site));
      type.addMethod(encode.write(site));
      type.addMethod(decode.read(site));
      type.addMethod(data.dehydrate(site));
      type.addMethod(data.hydrate(site));
    }
    type.addFields(enums.specs());
    return JavaFile.builder(model.codec().packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private void interfaceMethods(TypeSpec.Builder type, ClassName record, Sites.Site root) {
    String name = model.name();
    if (!model.packedRecord()) {
      type.addMethod(override("measure").returns(TypeName.INT).addParameter(record, "value").addParameter(LIMITS, "limits")
          .addStatement("return measure$L(value, limits)", root.index()).build());
      type.addMethod(override("write").addParameter(record, "value").addParameter(LIMITS, "limits")
          .addParameter(WIRE_OUT, "out").addStatement("write$L(value, limits, out)", root.index()).build());
      type.addMethod(override("read").returns(record).addParameter(WIRE_IN, "in")
          .addStatement("return read$L(in)", root.index()).build());
    } else {
      // flecks' Packer(): the whole packet is one msgpack map of its data, carried as a buffer.
      type.addMethod(override("measure").returns(TypeName.INT).addParameter(record, "value").addParameter(LIMITS, "limits")
          .addStatement("measure$L(value, limits)", root.index())
          .addStatement("return $T.measure(value, dehydrate$L(value), limits, $S)", PACKED_WIRE, root.index(), name)
          .build());
      type.addMethod(override("write").addParameter(record, "value").addParameter(LIMITS, "limits")
          .addParameter(WIRE_OUT, "out")
          .addStatement("$T.write(out, value, dehydrate$L(value), limits, $S)", PACKED_WIRE, root.index(), name)
          .build());
      type.addMethod(override("read").returns(record).addParameter(WIRE_IN, "in")
          .addStatement("int start = in.offset()")
          .addStatement("$T data = $T.read(in, $S)", Object.class, PACKED_WIRE, name)
          .beginControlFlow("try")
          .addStatement("return hydrate$L(data, in.limits())", root.index())
          .nextControlFlow("catch ($T e)", HYDRATION_EXCEPTION)
          .addStatement("throw new $T(e.path(), start, e.getMessage().substring(e.path().length() + 2))", DECODE_EXCEPTION)
          .endControlFlow()
          .build());
    }
    type.addMethod(override("dehydrate").returns(Object.class).addParameter(record, "value")
        .addStatement("return dehydrate$L(value)", root.index()).build());
    type.addMethod(override("hydrate").returns(record).addParameter(Object.class, "data").addParameter(LIMITS, "limits")
        .addStatement("return hydrate$L(data, limits)", root.index()).build());
  }

  private static MethodSpec.Builder override(String name) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
  }

  private static CodeBlock strings(List<String> values) {
    List<CodeBlock> parts = new ArrayList<>();
    for (String v : values) {
      parts.add(CodeBlock.of("$S", v));
    }
    return CodeBlock.join(parts, ", ");
  }
}
