package dev.packets.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/** Questions about Java types that the analysis asks, and how messages name them. */
final class JavaTypes {
  static final String LIST = "java.util.List";
  static final String MAP = "java.util.Map";
  static final String OPTIONAL = "java.util.Optional";

  private JavaTypes() {}

  static boolean isNamed(TypeMirror t, String name) {
    return t.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().contentEquals(name);
  }

  static boolean isRecord(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().getKind() == ElementKind.RECORD;
  }

  static boolean isEnum(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM;
  }

  static TypeElement element(TypeMirror declared) {
    return (TypeElement) ((DeclaredType) declared).asElement();
  }

  /** The type arguments, or null when one is a wildcard or their number is not {@code count} (a raw type). */
  static List<? extends TypeMirror> arguments(TypeMirror type, int count) {
    List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
    if (args.size() != count) {
      return null;
    }
    for (TypeMirror a : args) {
      if (a.getKind() == TypeKind.WILDCARD) {
        return null;
      }
    }
    return args;
  }

  /** The enum's constants in ordinal order. */
  static List<String> constants(TypeElement enumType) {
    List<String> constants = new ArrayList<>();
    for (Element e : enumType.getEnclosedElements()) {
      if (e.getKind() == ElementKind.ENUM_CONSTANT) {
        constants.add(e.getSimpleName().toString());
      }
    }
    return constants;
  }

  static Carrier carrier(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return Carrier.of(type.getKind().name().toLowerCase());
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE ? Carrier.BYTES : null;
    }
    if (type.getKind() == TypeKind.DECLARED) {
      return Carrier.of(element(type).getQualifiedName().toString());
    }
    return null;
  }

  /** Object, Map<String, Object> or List<Object> (wildcards too): JSON-like values with no wire type of their own. */
  static boolean freeForm(TypeMirror type) {
    TypeName erasure = packedErasure(type);
    return erasure != null && (erasure.equals(ClassName.get(Object.class)) || erasure.equals(ClassName.get(Map.class))
        || erasure.equals(ClassName.get(List.class)));
  }

  /** What a {@code @Packed} value of this type must be when decoded, or null when it cannot be packed. */
  static TypeName packedErasure(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY && ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
      return ArrayTypeName.of(TypeName.BYTE);
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    String name = element(type).getQualifiedName().toString();
    List<? extends TypeMirror> args = declared.getTypeArguments();
    switch (name) {
      case "java.lang.Object", "java.lang.String", "java.lang.Number", "java.lang.Boolean":
        return ClassName.bestGuess(name);
      case LIST:
        return args.size() == 1 && isObjectOrWildcard(args.get(0)) ? ClassName.get(List.class) : null;
      case MAP:
        return args.size() == 2 && isNamed(args.get(0), "java.lang.String") && isObjectOrWildcard(args.get(1))
            ? ClassName.get(Map.class) : null;
      default:
        return null;
    }
  }

  private static boolean isObjectOrWildcard(TypeMirror t) {
    if (t.getKind() == TypeKind.WILDCARD) {
      WildcardType w = (WildcardType) t;
      return w.getExtendsBound() == null && w.getSuperBound() == null || w.getExtendsBound() != null
          && isNamed(w.getExtendsBound(), "java.lang.Object");
    }
    return isNamed(t, "java.lang.Object");
  }

  /** A type as messages show it: {@code Map<String, Integer>}, {@code byte[]}, {@code ?}. */
  static String display(TypeMirror type) {
    if (type == null) {
      return "?";
    }
    if (type.getKind() == TypeKind.DECLARED) {
      DeclaredType d = (DeclaredType) type;
      String simple = d.asElement().getSimpleName().toString();
      if (d.getTypeArguments().isEmpty()) {
        return simple;
      }
      List<String> args = new ArrayList<>();
      for (TypeMirror a : d.getTypeArguments()) {
        args.add(display(a));
      }
      return simple + "<" + String.join(", ", args) + ">";
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return display(((ArrayType) type).getComponentType()) + "[]";
    }
    if (type.getKind() == TypeKind.WILDCARD) {
      return "?";
    }
    String s = type.toString();
    int space = s.lastIndexOf(' ');
    return space >= 0 ? s.substring(space + 1) : s;
  }

  /** "an int", "a String". */
  static String article(String noun) {
    return ("aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  static String kindName(Element e) {
    return switch (e.getKind()) {
      case CLASS -> "a class";
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> "a " + e.getKind().name().toLowerCase();
    };
  }
}
