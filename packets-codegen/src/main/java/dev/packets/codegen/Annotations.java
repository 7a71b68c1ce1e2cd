package dev.packets.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/** The annotations the processor reads, by qualified name, and how it finds them on a record component. */
final class Annotations {
  static final String PACKET = "dev.packets.Packet";
  static final String PACKED = "dev.packets.Packed";
  static final String NAME = "dev.packets.Name";
  static final String BY_NAME = "dev.packets.ByName";
  /** The wire types' annotations are {@link WireType#ANNOTATION_PACKAGE}{@code .}{@link WireType#annotation}. */
  static final Set<String> READ = Set.of(PACKET, PACKED, NAME, BY_NAME);

  private Annotations() {}

  /** Annotations on the component and on its type, gathered from the component, its accessor and its field. */
  static Map<String, AnnotationMirror> of(RecordComponentElement component) {
    Map<String, AnnotationMirror> all = new LinkedHashMap<>(byName(component.getAnnotationMirrors()));
    byName(component.asType().getAnnotationMirrors()).forEach(all::putIfAbsent);
    ExecutableElement accessor = component.getAccessor();
    if (accessor != null) {
      byName(accessor.getReturnType().getAnnotationMirrors()).forEach(all::putIfAbsent);
    }
    for (var field : ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements())) {
      if (field.getSimpleName().equals(component.getSimpleName())) {
        byName(field.asType().getAnnotationMirrors()).forEach(all::putIfAbsent);
      }
    }
    return all;
  }

  /** Mirrors by their annotation's qualified name. */
  static Map<String, AnnotationMirror> byName(List<? extends AnnotationMirror> mirrors) {
    Map<String, AnnotationMirror> map = new LinkedHashMap<>();
    for (AnnotationMirror m : mirrors) {
      map.putIfAbsent(qualifiedName(m), m);
    }
    return map;
  }

  static AnnotationMirror find(List<? extends AnnotationMirror> mirrors, String qualifiedName) {
    for (AnnotationMirror m : mirrors) {
      if (qualifiedName(m).equals(qualifiedName)) {
        return m;
      }
    }
    return null;
  }

  /** The wire type annotations among {@code annotations}, in order. */
  static List<AnnotationMirror> wireTypes(Map<String, AnnotationMirror> annotations) {
    List<AnnotationMirror> wires = new ArrayList<>();
    annotations.forEach((name, mirror) -> {
      if (WireType.ofAnnotation(name) != null) {
        wires.add(mirror);
      }
    });
    return wires;
  }

  static WireType wireType(AnnotationMirror mirror) {
    return mirror == null ? null : WireType.ofAnnotation(qualifiedName(mirror));
  }

  /**
   * A {@code @Nullable} of any library (javax, jakarta, JSpecify, JetBrains, Checker Framework, Android …): any
   * annotation of that simple name.
   */
  static AnnotationMirror nullable(Map<String, AnnotationMirror> annotations) {
    for (Map.Entry<String, AnnotationMirror> e : annotations.entrySet()) {
      if (e.getKey().equals("Nullable") || e.getKey().endsWith(".Nullable")) {
        return e.getValue();
      }
    }
    return null;
  }

  static String stringValue(AnnotationMirror mirror, String name) {
    return (String) value(mirror, name);
  }

  /** An element's value as written, or null when it is left to its default. */
  static Object value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue().getValue();
      }
    }
    return null;
  }

  /** "@Int8, @Int16" for messages. */
  static String simpleNames(List<AnnotationMirror> mirrors) {
    List<String> names = new ArrayList<>();
    for (AnnotationMirror m : mirrors) {
      names.add("@" + simpleName(m));
    }
    return String.join(", ", names);
  }

  static String simpleName(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  private static String qualifiedName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }
}
