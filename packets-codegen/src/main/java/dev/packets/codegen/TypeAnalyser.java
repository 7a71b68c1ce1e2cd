package dev.packets.codegen;

import static dev.packets.codegen.JavaTypes.article;
import static dev.packets.codegen.JavaTypes.display;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Stage one, analysis, for one type: what a component's Java type and annotations mean on the wire, as a {@link
 * TypeModel}: a scalar, an enum, a nested record ({@link RecordAnalyser}), a list, a map, an optional value, or
 * {@code @Packed} msgpack.
 */
final class TypeAnalyser {
  private static final String COMPONENT = "component";

  private final RecordAnalyser records;

  TypeAnalyser(RecordAnalyser records) {
    this.records = records;
  }

  /** A component's type: optional ({@code Optional<T>} or {@code @Nullable T}) around its value type, or that alone. */
  TypeModel component(TypeMirror type, Map<String, AnnotationMirror> annotations, Scope scope) {
    if (JavaTypes.isNamed(type, JavaTypes.OPTIONAL)) {
      List<AnnotationMirror> wires = Annotations.wireTypes(annotations);
      List<? extends TypeMirror> value = JavaTypes.arguments(type, 1);
      if (!wires.isEmpty()) {
        String wire = Annotations.simpleName(wires.get(0));
        scope.error(ErrorCode.WIRE_TYPE_ON_OPTIONAL, wires.get(0), wire, wire, value == null ? "?" : display(value.get(0)));
        return null;
      }
      if (value == null) {
        scope.error(ErrorCode.RAW_OPTIONAL, null, scope.javaName());
        return null;
      }
      TypeModel inner = type(value.get(0), Annotations.byName(value.get(0).getAnnotationMirrors()), scope,
          "optional value");
      return inner == null ? null : new TypeModel.OptionalType(inner, true);
    }
    AnnotationMirror nullable = Annotations.nullable(annotations);
    if (nullable == null) {
      return type(type, annotations, scope, COMPONENT);
    }
    if (type.getKind().isPrimitive()) {
      scope.error(ErrorCode.NULLABLE_PRIMITIVE, nullable, scope.javaName(), article(display(type)),
          JavaTypes.carrier(type).boxName);
      return null;
    }
    TypeModel inner = type(type, annotations, scope, COMPONENT);
    return inner == null ? null : new TypeModel.OptionalType(inner, false);
  }

  /**
   * The type of one value: a component's ({@code role} "component"), or a {@code "list item"}'s, a {@code "map
   * key"}'s, a {@code "map value"}'s or an {@code "optional value"}'s within it.
   */
  private TypeModel type(TypeMirror type, Map<String, AnnotationMirror> annotations, Scope scope, String role) {
    boolean item = !role.equals(COMPONENT);
    String javaName = scope.javaName();
    List<AnnotationMirror> wires = Annotations.wireTypes(annotations);
    if (wires.size() > 1) {
      scope.error(ErrorCode.TWO_WIRE_TYPES, wires.get(1), javaName, wires.size(), Annotations.simpleNames(wires));
      return null;
    }
    AnnotationMirror wireMirror = wires.isEmpty() ? null : wires.get(0);
    WireType wire = Annotations.wireType(wireMirror);
    String subject = item ? "'" + javaName + "' holds " + display(type) : "'" + javaName + "' is " + article(display(type));
    AnnotationMirror nullable = Annotations.nullable(annotations);
    if (item && nullable != null) {
      scope.error(ErrorCode.NULLABLE_ITEM, nullable, role, javaName);
      return null;
    }
    if (item && JavaTypes.isNamed(type, JavaTypes.OPTIONAL)) {
      scope.error(ErrorCode.OPTIONAL_ITEM, null, javaName, role);
      return null;
    }
    AnnotationMirror byName = annotations.get(Annotations.BY_NAME);
    if (byName != null && !JavaTypes.isEnum(type)) {
      scope.error(ErrorCode.BY_NAME_NOT_ENUM, byName, subject);
      return null;
    }
    if (JavaTypes.isEnum(type)) {
      return enumeration(JavaTypes.element(type), wire, wireMirror, byName, scope);
    }
    if (JavaTypes.isNamed(type, JavaTypes.MAP)) {
      return map(type, wire, wireMirror, scope);
    }
    if (JavaTypes.isNamed(type, JavaTypes.LIST)) {
      return list(type, wire, wireMirror, scope);
    }
    if (JavaTypes.isRecord(type)) {
      if (wireMirror != null) {
        scope.error(ErrorCode.WIRE_TYPE_ON_RECORD, wireMirror, wire.annotation, subject);
        return null;
      }
      return records.object(JavaTypes.element(type), scope);
    }
    return scalar(type, wire, wireMirror, scope, role, subject);
  }

  private TypeModel scalar(TypeMirror type, WireType wire, AnnotationMirror wireMirror, Scope scope, String role,
      String subject) {
    boolean item = !role.equals(COMPONENT);
    Carrier carrier = JavaTypes.carrier(type);
    boolean boxed = type.getKind() == TypeKind.DECLARED && carrier != null && carrier.boxName != null;
    if (carrier == null) {
      String of = switch (role) {
        case COMPONENT -> subject;
        case "list item" -> "'" + scope.javaName() + "' is a List of " + display(type);
        default -> "'" + scope.javaName() + "' has " + article(display(type)) + " as its " + role;
      };
      scope.error(ErrorCode.NO_WIRE_TYPE, wireMirror, of);
      return null;
    }
    if (item && !boxed && carrier.primitive != null) {
      boxed = true;
    }
    if (wire == null) {
      wire = WireType.defaultFor(carrier);
      if (wire == null) {
        String choices = carrier == Carrier.LONG
            ? "@Int64, @UInt64, @VarInt64, @VarUint64, @UInt32, @VarUint or @VarInt" : "@UInt16";
        scope.error(ErrorCode.CHOOSE_WIRE_TYPE, null, subject, choices);
        return null;
      }
    } else if (!wire.carriers.contains(carrier)) {
      scope.error(ErrorCode.WRONG_CARRIER, wireMirror, wire.annotation, wire.carrierList(item), role, subject);
      return null;
    }
    return new TypeModel.Scalar(wire, carrier, boxed);
  }

  private TypeModel list(TypeMirror type, WireType wire, AnnotationMirror wireMirror, Scope scope) {
    List<? extends TypeMirror> item = JavaTypes.arguments(type, 1);
    if (wireMirror != null) {
      scope.error(ErrorCode.WIRE_TYPE_ON_LIST, wireMirror, wire.annotation, wire.annotation,
          item == null ? "?" : display(item.get(0)));
      return null;
    }
    if (item == null) {
      scope.error(ErrorCode.RAW_LIST, null, scope.javaName());
      return null;
    }
    TypeModel itemModel = type(item.get(0), Annotations.byName(item.get(0).getAnnotationMirrors()),
        scope.path(scope.path() + "[]"), "list item");
    return itemModel == null ? null
        : new TypeModel.ListType(itemModel, ParameterizedTypeName.get(ClassName.get(List.class), itemModel.javaType()));
  }

  private TypeModel enumeration(TypeElement type, WireType wire, AnnotationMirror wireMirror, AnnotationMirror byName,
      Scope scope) {
    List<String> constants = JavaTypes.constants(type);
    if (byName != null) {
      if (wireMirror != null) {
        scope.error(ErrorCode.BY_NAME_WITH_WIRE_TYPE, wireMirror, scope.javaName());
        return null;
      }
      return new TypeModel.EnumType(ClassName.get(type), type, constants, WireType.STRING);
    }
    if (wire == null) {
      wire = constants.size() <= 256 ? WireType.UINT8 : WireType.VARUINT;
    } else if (wire != WireType.UINT8 && wire != WireType.VARUINT) {
      scope.error(ErrorCode.ENUM_WIRE_TYPE, wireMirror, wire.annotation, type.getSimpleName());
      return null;
    }
    return new TypeModel.EnumType(ClassName.get(type), type, constants, wire);
  }

  private TypeModel map(TypeMirror type, WireType wire, AnnotationMirror wireMirror, Scope scope) {
    List<? extends TypeMirror> args = JavaTypes.arguments(type, 2);
    if (args == null) {
      scope.error(ErrorCode.RAW_MAP, wireMirror, scope.javaName());
      return null;
    }
    if (wireMirror != null) {
      scope.error(ErrorCode.WIRE_TYPE_ON_MAP, wireMirror, wire.annotation, display(args.get(0)), wire.annotation,
          display(args.get(1)));
      return null;
    }
    TypeModel key = type(args.get(0), Annotations.byName(args.get(0).getAnnotationMirrors()),
        scope.path(scope.path() + "{key}"), "map key");
    TypeModel value = type(args.get(1), Annotations.byName(args.get(1).getAnnotationMirrors()),
        scope.path(scope.path() + "{value}"), "map value");
    if (key == null || value == null) {
      return null;
    }
    return new TypeModel.MapType(key, value, ParameterizedTypeName.get(ClassName.get(Map.class), key.javaType(),
        value.javaType()));
  }

  /** A {@code @Packed} value ({@code packed} is null for a free-form component of a record packed whole). */
  TypeModel packed(TypeMirror type, Scope scope, AnnotationMirror packed) {
    TypeName erasure = JavaTypes.packedErasure(type);
    if (erasure == null) {
      scope.error(ErrorCode.NOT_PACKABLE, packed, scope.javaName(), article(display(type)));
      return null;
    }
    return new TypeModel.PackedType(TypeName.get(type).withoutAnnotations(), erasure);
  }
}
