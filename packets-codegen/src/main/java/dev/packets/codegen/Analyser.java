package dev.packets.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Stage one: reads a {@code @Packet} record into a {@link PacketModel}, reporting every error on the component
 * and annotation at fault. A record with errors yields no model; the others go on.
 */
final class Analyser {
  static final String PACKET = "dev.packets.Packet";
  static final String PACKED = "dev.packets.Packed";
  static final String NAME = "dev.packets.Name";
  static final String BY_NAME = "dev.packets.ByName";
  static final String OPTIONAL = "java.util.Optional";
  static final String MAP = "java.util.Map";

  private final Messager messager;
  private final Deque<TypeElement> stack = new ArrayDeque<>();
  private boolean failed;
  /**
   * Whether the record being analysed is packed whole: its free-form components (Object, Map<String, Object>,
   * List<Object>) travel in its one msgpack map as they are, with no {@code @Packed} of their own.
   */
  private boolean packedWhole;

  Analyser(Messager messager) {
    this.messager = messager;
  }

  /** The model of {@code element}, or null after reporting why there is none. */
  PacketModel analyse(TypeElement element, AnnotationMirror packet) {
    failed = false;
    stack.clear();
    if (element.getKind() != ElementKind.RECORD) {
      error("@Packet applies to records; " + element.getSimpleName() + " is " + kindName(element), element, packet);
      return null;
    }
    String name = stringValue(packet, "value");
    if (name == null || name.isEmpty()) {
      name = element.getSimpleName().toString();
    }
    checkAccessible(element, element, packet);
    if (!element.getTypeParameters().isEmpty()) {
      error("@Packet records cannot be generic; " + element.getSimpleName() + " has type parameters", element, packet);
    }
    boolean packedRecord = mirror(element.getAnnotationMirrors(), PACKED) != null;
    packedWhole = packedRecord;
    TypeModel.ObjectType root = object(element, name);
    packedWhole = false;
    if (failed || root == null) {
      return null;
    }
    return new PacketModel(element, name, codecName(element), root, packedRecord);
  }

  /** {@code com.example.Outer.Move} → {@code com.example.Outer_Move_PacketCodec}. */
  static ClassName codecName(TypeElement element) {
    ClassName record = ClassName.get(element);
    return ClassName.get(record.packageName(), String.join("_", record.simpleNames()) + "_PacketCodec");
  }

  private TypeModel.ObjectType object(TypeElement record, String path) {
    if (stack.contains(record)) {
      StringBuilder chain = new StringBuilder();
      for (TypeElement t : (Iterable<TypeElement>) stack::descendingIterator) {
        chain.append(t.getSimpleName()).append(" → ");
      }
      chain.append(record.getSimpleName());
      error(record.getSimpleName() + " contains itself (" + chain
          + "); schemapack has no recursive types", currentComponent, null);
      return null;
    }
    stack.push(record);
    try {
      List<FieldModel> fields = new ArrayList<>();
      Map<String, String> wireNames = new HashMap<>();
      for (RecordComponentElement component : record.getRecordComponents()) {
        FieldModel field = field(component, path);
        if (field == null) {
          continue;
        }
        String other = wireNames.putIfAbsent(field.wireName(), field.javaName());
        if (other != null) {
          error("wire name '" + field.wireName() + "' is used by both '" + other + "' and '" + field.javaName() + "'",
              component, mirror(component.getAnnotationMirrors(), NAME));
          continue;
        }
        fields.add(field);
      }
      return new TypeModel.ObjectType(ClassName.get(record), List.copyOf(fields));
    } finally {
      stack.pop();
    }
  }

  private RecordComponentElement currentComponent;

  private FieldModel field(RecordComponentElement component, String path) {
    RecordComponentElement outer = currentComponent;
    currentComponent = component;
    try {
      String javaName = component.getSimpleName().toString();
      String wireName = javaName;
      AnnotationMirror name = mirror(component.getAnnotationMirrors(), NAME);
      if (name != null) {
        wireName = stringValue(name, "value");
        if (wireName == null || wireName.isEmpty()) {
          error("@Name needs a non-empty wire name", component, name);
          return null;
        }
        if (wireName.indexOf('\'') >= 0 || wireName.indexOf('\\') >= 0) {
          error("@Name(\"" + wireName + "\"): schemapack cannot build a field whose name holds ' or \\",
              component, name);
          return null;
        }
      }
      TypeMirror type = component.asType();
      Map<String, AnnotationMirror> annotations = annotations(component);
      AnnotationMirror packed = annotations.get(PACKED);
      TypeModel model;
      if (packed != null) {
        if (wireAnnotations(annotations).size() > 0) {
          error("'" + javaName + "' is @Packed; it cannot also have a wire type", component, packed);
          return null;
        }
        model = packed(type, javaName, component, packed);
      } else if (packedWhole && wireAnnotations(annotations).isEmpty() && freeForm(type)) {
        model = packed(type, javaName, component, null);
      } else {
        model = optionalOr(type, annotations, javaName, path + "." + wireName, component);
      }
      return model == null ? null : new FieldModel(javaName, wireName, model);
    } finally {
      currentComponent = outer;
    }
  }

  /** A component's type: optional ({@code Optional<T>} or {@code @Nullable T}) around its value type, or that alone. */
  private TypeModel optionalOr(TypeMirror type, Map<String, AnnotationMirror> annotations, String javaName,
      String path, RecordComponentElement component) {
    if (isNamed(type, OPTIONAL)) {
      List<AnnotationMirror> wires = wireAnnotations(annotations);
      TypeMirror value = typeArgument(type);
      if (!wires.isEmpty()) {
        AnnotationMirror wire = wires.get(0);
        error("@" + wire.getAnnotationType().asElement().getSimpleName() + " on an Optional; put it on the value type: "
            + "Optional<@" + wire.getAnnotationType().asElement().getSimpleName() + " " + display(value) + ">",
            component, wire);
        return null;
      }
      if (value == null) {
        error("'" + javaName + "' is a raw or wildcard Optional; give its value type, e.g. Optional<String>",
            component, null);
        return null;
      }
      TypeModel inner = type(value, annotationsOf(value.getAnnotationMirrors()), javaName, path, component,
          "optional value");
      return inner == null ? null : new TypeModel.OptionalType(inner, true);
    }
    AnnotationMirror nullable = nullable(annotations);
    if (nullable == null) {
      return type(type, annotations, javaName, path, component, "component");
    }
    if (type.getKind().isPrimitive()) {
      Carrier carrier = carrier(type);
      error("'" + javaName + "' is @Nullable, but " + article(display(type)) + " cannot be null; use "
          + carrier.boxName, component, nullable);
      return null;
    }
    TypeModel inner = type(type, annotations, javaName, path, component, "component");
    return inner == null ? null : new TypeModel.OptionalType(inner, false);
  }

  /**
   * The type of one value: a component's ({@code role} "component"), or a {@code "list item"}'s, a {@code "map
   * key"}'s, a {@code "map value"}'s or an {@code "optional value"}'s within it.
   */
  private TypeModel type(TypeMirror type, Map<String, AnnotationMirror> annotations, String javaName, String path,
      RecordComponentElement component, String role) {
    boolean item = !role.equals("component");
    List<AnnotationMirror> wires = wireAnnotations(annotations);
    if (wires.size() > 1) {
      error("'" + javaName + "' has " + wires.size() + " wire types (" + names(wires) + "); choose one",
          component, wires.get(1));
      return null;
    }
    AnnotationMirror wireMirror = wires.isEmpty() ? null : wires.get(0);
    WireType wire = wireMirror == null ? null
        : WireType.ofAnnotation(((TypeElement) wireMirror.getAnnotationType().asElement()).getQualifiedName().toString());
    String what = role;
    String subject = item ? "'" + javaName + "' holds " + display(type) : "'" + javaName + "' is " + article(display(type));
    if (item && nullable(annotations) != null) {
      error("@Nullable on a " + role + " of '" + javaName + "'; only a record component can be absent",
          component, nullable(annotations));
      return null;
    }
    if (item && isNamed(type, OPTIONAL)) {
      error("'" + javaName + "' has an Optional as its " + role + "; only a record component can be absent",
          component, null);
      return null;
    }
    AnnotationMirror byName = annotations.get(BY_NAME);
    if (byName != null && !isEnum(type)) {
      error("@ByName applies to enums; " + subject, component, byName);
      return null;
    }
    if (isEnum(type)) {
      return enumeration((TypeElement) ((DeclaredType) type).asElement(), wire, wireMirror, byName, javaName, component);
    }
    if (isNamed(type, MAP)) {
      return map(type, wire, wireMirror, javaName, path, component);
    }

    if (isList(type)) {
      if (wireMirror != null) {
        error("@" + wire.annotation + " on a List; put it on the item type: List<@" + wire.annotation + " "
            + display(itemType(type)) + ">", component, wireMirror);
        return null;
      }
      TypeMirror itemType = itemType(type);
      if (itemType == null) {
        error("'" + javaName + "' is a raw or wildcard List; give its item type, e.g. List<Integer>", component, null);
        return null;
      }
      TypeModel itemModel = type(itemType, annotationsOf(itemType.getAnnotationMirrors()), javaName, path + "[]",
          component, "list item");
      return itemModel == null ? null
          : new TypeModel.ListType(itemModel, ParameterizedTypeName.get(ClassName.get(List.class), itemModel.javaType()));
    }
    if (type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().getKind() == ElementKind.RECORD) {
      if (wireMirror != null) {
        error("@" + wire.annotation + " needs a scalar; " + subject, component, wireMirror);
        return null;
      }
      TypeElement record = (TypeElement) ((DeclaredType) type).asElement();
      if (!checkAccessible(record, component, null)) {
        return null;
      }
      return object(record, path);
    }
    Carrier carrier = carrier(type);
    boolean boxed = type.getKind() == TypeKind.DECLARED && carrier != null && carrier.boxName != null;
    if (carrier == null) {
      String of = switch (role) {
        case "component" -> subject;
        case "list item" -> "'" + javaName + "' is a List of " + display(type);
        default -> "'" + javaName + "' has " + article(display(type)) + " as its " + role;
      };
      error(of + ", which has no wire type; use boolean, byte, short, char, int, long, float, double (or their boxes), "
          + "String, byte[], an enum, a record, a List or Map of these, Optional, or @Packed", component, wireMirror);
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
        error(subject + ": choose its wire type with " + choices, component, null);
        return null;
      }
    } else if (!wire.carriers.contains(carrier)) {
      error("@" + wire.annotation + " needs a " + wire.carrierList(item) + " " + what + "; " + subject, component,
          wireMirror);
      return null;
    }
    return new TypeModel.Scalar(wire, carrier, boxed);
  }

  private TypeModel enumeration(TypeElement type, WireType wire, AnnotationMirror wireMirror, AnnotationMirror byName,
      String javaName, RecordComponentElement component) {
    if (!checkAccessible(type, component, null)) {
      return null;
    }
    List<String> constants = new ArrayList<>();
    for (Element e : type.getEnclosedElements()) {
      if (e.getKind() == ElementKind.ENUM_CONSTANT) {
        constants.add(e.getSimpleName().toString());
      }
    }
    String name = type.getSimpleName().toString();
    if (byName != null) {
      if (wireMirror != null) {
        error("'" + javaName + "' is @ByName; it cannot also have a wire type", component, wireMirror);
        return null;
      }
      return new TypeModel.EnumType(ClassName.get(type), constants, WireType.STRING);
    }
    if (wire == null) {
      wire = constants.size() <= 256 ? WireType.UINT8 : WireType.VARUINT;
    } else if (wire != WireType.UINT8 && wire != WireType.VARUINT) {
      error("@" + wire.annotation + " on an enum; " + name + " travels by ordinal as @UInt8 or @VarUint, or by name "
          + "with @ByName", component, wireMirror);
      return null;
    } else if (wire == WireType.UINT8 && constants.size() > 256) {
      error("@UInt8 holds 256 ordinals; " + name + " has " + constants.size() + " constants: use @VarUint or @ByName",
          component, wireMirror);
      return null;
    }
    return new TypeModel.EnumType(ClassName.get(type), constants, wire);
  }

  private TypeModel map(TypeMirror type, WireType wire, AnnotationMirror wireMirror, String javaName, String path,
      RecordComponentElement component) {
    List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
    if (args.size() != 2 || args.get(0).getKind() == TypeKind.WILDCARD || args.get(1).getKind() == TypeKind.WILDCARD) {
      error("'" + javaName + "' is a raw or wildcard Map; give its key and value types, e.g. Map<String, Integer>",
          component, wireMirror);
      return null;
    }
    if (wireMirror != null) {
      error("@" + wire.annotation + " on a Map; put it on the key or value type: Map<" + display(args.get(0)) + ", @"
          + wire.annotation + " " + display(args.get(1)) + ">", component, wireMirror);
      return null;
    }
    TypeModel key = type(args.get(0), annotationsOf(args.get(0).getAnnotationMirrors()), javaName, path + "{key}",
        component, "map key");
    TypeModel value = type(args.get(1), annotationsOf(args.get(1).getAnnotationMirrors()), javaName,
        path + "{value}", component, "map value");
    if (key == null || value == null) {
      return null;
    }
    boolean keyable = key instanceof TypeModel.EnumType
        || key instanceof TypeModel.Scalar s && s.wire().keyable() && s.carrier() != Carrier.CHAR;
    if (!keyable) {
      error("'" + javaName + "' has " + article(display(args.get(0))) + " as its map key; a key is a String, an "
          + "integer, a Boolean or an enum", component, null);
      return null;
    }
    return new TypeModel.MapType(key, value, ParameterizedTypeName.get(ClassName.get(Map.class), key.javaType(),
        value.javaType()));
  }

  private TypeModel packed(TypeMirror type, String javaName, RecordComponentElement component, AnnotationMirror packed) {
    TypeName erasure = packedErasure(type);
    if (erasure == null) {
      error("@Packed needs a JSON-like component: Object, Map<String, Object>, List<Object>, String, Number, Boolean "
          + "or byte[]; '" + javaName + "' is " + article(display(type)), component, packed);
      return null;
    }
    return new TypeModel.PackedType(TypeName.get(type).withoutAnnotations(), erasure);
  }

  /** Object, Map<String, Object> or List<Object> (wildcards too): JSON-like values with no wire type of their own. */
  private static boolean freeForm(TypeMirror type) {
    TypeName erasure = packedErasure(type);
    return erasure != null && (erasure.equals(ClassName.get(Object.class)) || erasure.equals(ClassName.get(Map.class))
        || erasure.equals(ClassName.get(List.class)));
  }

  private static TypeName packedErasure(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY && ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
      return ArrayTypeName.of(TypeName.BYTE);
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    List<? extends TypeMirror> args = declared.getTypeArguments();
    switch (name) {
      case "java.lang.Object", "java.lang.String", "java.lang.Number", "java.lang.Boolean":
        return ClassName.bestGuess(name);
      case "java.util.List":
        return args.size() == 1 && isObjectOrWildcard(args.get(0)) ? ClassName.get(List.class) : null;
      case "java.util.Map":
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

  private static boolean isNamed(TypeMirror t, String name) {
    return t.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().contentEquals(name);
  }

  private static boolean isList(TypeMirror type) {
    return isNamed(type, "java.util.List");
  }

  private static boolean isEnum(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM;
  }

  /** The one type argument of an {@code Optional}, or null when it is raw or a wildcard. */
  private static TypeMirror typeArgument(TypeMirror type) {
    List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
    return args.size() != 1 || args.get(0).getKind() == TypeKind.WILDCARD ? null : args.get(0);
  }

  /**
   * A {@code @Nullable} of any library (javax, jakarta, JSpecify, JetBrains, Checker Framework, Android …): any
   * annotation of that simple name.
   */
  private static AnnotationMirror nullable(Map<String, AnnotationMirror> annotations) {
    for (Map.Entry<String, AnnotationMirror> e : annotations.entrySet()) {
      if (e.getKey().equals("Nullable") || e.getKey().endsWith(".Nullable")) {
        return e.getValue();
      }
    }
    return null;
  }

  private static TypeMirror itemType(TypeMirror list) {
    List<? extends TypeMirror> args = ((DeclaredType) list).getTypeArguments();
    if (args.size() != 1 || args.get(0).getKind() == TypeKind.WILDCARD) {
      return null;
    }
    return args.get(0);
  }

  private static Carrier carrier(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return Carrier.of(type.getKind().name().toLowerCase());
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE ? Carrier.BYTES : null;
    }
    if (type.getKind() == TypeKind.DECLARED) {
      return Carrier.of(((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString());
    }
    return null;
  }

  /** Annotations on the component and on its type, gathered from the component, its accessor and its field. */
  private static Map<String, AnnotationMirror> annotations(RecordComponentElement component) {
    Map<String, AnnotationMirror> all = new LinkedHashMap<>(annotationsOf(component.getAnnotationMirrors()));
    annotationsOf(component.asType().getAnnotationMirrors()).forEach(all::putIfAbsent);
    ExecutableElement accessor = component.getAccessor();
    if (accessor != null) {
      annotationsOf(accessor.getReturnType().getAnnotationMirrors()).forEach(all::putIfAbsent);
    }
    for (var field : ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements())) {
      if (field.getSimpleName().equals(component.getSimpleName())) {
        annotationsOf(field.asType().getAnnotationMirrors()).forEach(all::putIfAbsent);
      }
    }
    return all;
  }

  private static Map<String, AnnotationMirror> annotationsOf(List<? extends AnnotationMirror> mirrors) {
    Map<String, AnnotationMirror> map = new LinkedHashMap<>();
    for (AnnotationMirror m : mirrors) {
      map.putIfAbsent(((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString(), m);
    }
    return map;
  }

  private static List<AnnotationMirror> wireAnnotations(Map<String, AnnotationMirror> annotations) {
    List<AnnotationMirror> wires = new ArrayList<>();
    annotations.forEach((name, mirror) -> {
      if (WireType.ofAnnotation(name) != null) {
        wires.add(mirror);
      }
    });
    return wires;
  }

  private boolean checkAccessible(TypeElement type, Element reportOn, AnnotationMirror mirror) {
    for (Element e = type; e != null && e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        error(type.getSimpleName() + " must not be private" + (e == type ? "" : " nor nested in a private type")
            + ": its codec is generated beside it", reportOn, mirror);
        return false;
      }
    }
    return true;
  }

  static AnnotationMirror mirror(List<? extends AnnotationMirror> mirrors, String qualifiedName) {
    for (AnnotationMirror m : mirrors) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName)) {
        return m;
      }
    }
    return null;
  }

  private static String stringValue(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return (String) e.getValue().getValue();
      }
    }
    return null;
  }

  private static String names(List<AnnotationMirror> mirrors) {
    List<String> names = new ArrayList<>();
    for (AnnotationMirror m : mirrors) {
      names.add("@" + m.getAnnotationType().asElement().getSimpleName());
    }
    return String.join(", ", names);
  }

  private static String display(TypeMirror type) {
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

  private static String article(String noun) {
    return ("aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  private static String kindName(Element e) {
    return switch (e.getKind()) {
      case CLASS -> "a class";
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> "a " + e.getKind().name().toLowerCase();
    };
  }

  private void error(String message, Element element, AnnotationMirror mirror) {
    failed = true;
    if (element instanceof RecordComponentElement component) {
      // javac gives record components no source position; their fields sit on the same line.
      Element field = fieldOf(component);
      if (field != null) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, field);
        return;
      }
    }
    if (mirror != null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, mirror);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }
  }

  private static Element fieldOf(RecordComponentElement component) {
    for (var field : ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements())) {
      if (field.getSimpleName().equals(component.getSimpleName())) {
        return field;
      }
    }
    return null;
  }

  static Set<String> supportedAnnotations() {
    return Set.of(PACKET);
  }
}
