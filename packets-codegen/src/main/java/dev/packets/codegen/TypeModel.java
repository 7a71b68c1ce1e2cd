package dev.packets.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * What one value is on the wire: a scalar, a nested object, a list, or a msgpack-packed value; or one of packets'
 * extensions: an enum, a map, an optional field.
 */
sealed interface TypeModel {

  /** The Java type of the value, as written in generated code. */
  TypeName javaType();

  /** The fewest bytes one value takes, for checking list counts against what remains. */
  int minBytes();

  /** A scalar: {@code wire} carried by {@code carrier}, boxed in lists and {@code Integer}-like components. */
  record Scalar(WireType wire, Carrier carrier, boolean boxed) implements TypeModel {
    @Override
    public TypeName javaType() {
      if (carrier == Carrier.STRING) {
        return ClassName.get(String.class);
      }
      if (carrier == Carrier.BYTES) {
        return com.palantir.javapoet.ArrayTypeName.of(TypeName.BYTE);
      }
      return boxed ? carrier.primitive.box() : carrier.primitive;
    }

    @Override
    public int minBytes() {
      return wire.minBytes;
    }

    /** Whether the value can be null: boxes, strings and byte arrays. */
    boolean nullable() {
      return boxed || carrier == Carrier.STRING || carrier == Carrier.BYTES;
    }
  }

  /** A nested record, inlined: its fields in wire order. */
  record ObjectType(ClassName record, TypeElement element, List<FieldModel> fields) implements TypeModel {
    @Override
    public TypeName javaType() {
      return record;
    }

    @Override
    public int minBytes() {
      int sum = (int) ((fields.stream().filter(f -> f.type() instanceof OptionalType).count() + 7) / 8);
      for (FieldModel f : fields) {
        sum += f.type().minBytes();
      }
      return sum;
    }

    /** The fields sorted by wire name, by UTF-16 code units, as schemapack writes them. */
    List<FieldModel> wireOrder() {
      return fields.stream().sorted((a, b) -> a.wireName().compareTo(b.wireName())).toList();
    }

    /** The optional fields in wire order: field {@code i} of this list has presence bit {@code i}. */
    List<FieldModel> optionalFields() {
      return wireOrder().stream().filter(f -> f.type() instanceof OptionalType).toList();
    }
  }

  /** A {@code List<T>}: a varuint count, then the items. */
  record ListType(TypeModel item, TypeName javaType) implements TypeModel {
    @Override
    public int minBytes() {
      return 1;
    }
  }

  /** A {@code @Packed} value: msgpack bytes in a buffer; {@code erasure} is what a decoded value must be. */
  record PackedType(TypeName javaType, TypeName erasure) implements TypeModel {
    @Override
    public int minBytes() {
      return 1;
    }
  }

  /** An enum constant, by ordinal ({@code uint8} or {@code varuint}) or by name ({@code string}). */
  record EnumType(ClassName enumClass, TypeElement element, List<String> constants, WireType wire)
      implements TypeModel {
    @Override
    public TypeName javaType() {
      return enumClass;
    }

    @Override
    public int minBytes() {
      return 1;
    }
  }

  /** A {@code Map<K, V>}: a varuint count, then each key and value. */
  record MapType(TypeModel key, TypeModel value, TypeName javaType) implements TypeModel {
    @Override
    public int minBytes() {
      return 1;
    }

    /** The fewest bytes one entry takes: never 0, as a key takes at least one byte. */
    int entryBytes() {
      return key.minBytes() + value.minBytes();
    }
  }

  /**
   * An optional record component, present or not by its object's presence bit: {@code @Nullable T} (absent is
   * null) or {@code Optional<T>} (absent is empty).
   */
  record OptionalType(TypeModel inner, boolean javaOptional) implements TypeModel {
    @Override
    public TypeName javaType() {
      return javaOptional ? ParameterizedTypeName.get(ClassName.get(Optional.class), inner.javaType()) : inner.javaType();
    }

    @Override
    public int minBytes() {
      return 0;
    }
  }
}
