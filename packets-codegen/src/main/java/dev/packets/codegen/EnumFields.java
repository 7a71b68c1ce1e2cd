package dev.packets.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The enums a codec reads, each given one static field holding its constants ({@code ENUM0 = Heading.values()}),
 * so that decoding an ordinal or a name looks in an array instead of cloning one per value.
 */
final class EnumFields {
  private final Map<ClassName, String> fields = new LinkedHashMap<>();

  /** The name of the field holding {@code type}'s constants. */
  String of(TypeModel.EnumType type) {
    return fields.computeIfAbsent(type.enumClass(), c -> "ENUM" + fields.size());
  }

  List<FieldSpec> specs() {
    return fields.entrySet().stream()
        .map(e -> FieldSpec.builder(ArrayTypeName.of(e.getKey()), e.getValue(), Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL).initializer("$T.values()", e.getKey()).build())
        .toList();
  }
}
