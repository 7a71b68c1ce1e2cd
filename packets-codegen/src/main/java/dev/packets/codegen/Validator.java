package dev.packets.codegen;

import static dev.packets.codegen.JavaTypes.article;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Stage two, validation: the rules on a model that analysis read whole. Wire names (not empty, nothing schemapack
 * cannot build, no two alike in one record), types the codec can reach (not private, not generic), enums that fit
 * their wire type and map keys that can be keys. Each finding goes on the component (and annotation) at fault.
 */
final class Validator {
  /** Adds every rule {@code model} breaks to {@code findings}. */
  void validate(PacketModel model, Findings findings) {
    TypeElement record = model.element();
    AnnotationMirror packet = Annotations.find(record.getAnnotationMirrors(), Annotations.PACKET);
    if (model.id() < 0 || model.id() > 0xFFFF) {
      findings.add(ErrorCode.PACKET_ID, record, packet, model.id());
    }
    if (!record.getTypeParameters().isEmpty()) {
      findings.add(ErrorCode.GENERIC_RECORD, record, packet, record.getSimpleName());
    }
    accessible(record, record, packet, findings);
    object(model.root(), new HashSet<>(), findings);
  }

  private void object(TypeModel.ObjectType object, Set<TypeElement> seen, Findings findings) {
    if (!seen.add(object.element())) {
      return; // a record used at several sites has one set of findings
    }
    Map<String, String> wireNames = new HashMap<>();
    for (FieldModel field : object.fields()) {
      AnnotationMirror name = Annotations.find(field.component().getAnnotationMirrors(), Annotations.NAME);
      if (field.wireName().isEmpty()) {
        findings.add(ErrorCode.EMPTY_NAME, field.component(), name);
      } else if (field.wireName().indexOf('\'') >= 0 || field.wireName().indexOf('\\') >= 0) {
        findings.add(ErrorCode.NAME_CHARACTERS, field.component(), name, field.wireName());
      }
      String other = wireNames.putIfAbsent(field.wireName(), field.javaName());
      if (other != null) {
        findings.add(ErrorCode.DUPLICATE_WIRE_NAME, field.component(), name, field.wireName(), other,
            field.javaName());
      }
      type(field.type(), field, seen, findings);
    }
  }

  private void type(TypeModel type, FieldModel owner, Set<TypeElement> seen, Findings findings) {
    if (type instanceof TypeModel.ObjectType o) {
      if (accessible(o.element(), owner.component(), null, findings)) {
        object(o, seen, findings);
      }
    } else if (type instanceof TypeModel.EnumType e) {
      accessible(e.element(), owner.component(), null, findings);
      if (e.wire() == WireType.UINT8 && e.constants().size() > 256) {
        findings.add(ErrorCode.ENUM_TOO_LARGE, owner.component(), wireMirror(owner), e.enumClass().simpleName(),
            e.constants().size());
      }
    } else if (type instanceof TypeModel.ListType l) {
      type(l.item(), owner, seen, findings);
    } else if (type instanceof TypeModel.OptionalType o) {
      type(o.inner(), owner, seen, findings);
    } else if (type instanceof TypeModel.MapType m) {
      boolean keyable = m.key() instanceof TypeModel.EnumType
          || m.key() instanceof TypeModel.Scalar s && s.wire().keyable() && s.carrier() != Carrier.CHAR;
      if (!keyable) {
        findings.add(ErrorCode.MAP_KEY, owner.component(), null, owner.javaName(), article(display(m.key())));
      }
      type(m.key(), owner, seen, findings);
      type(m.value(), owner, seen, findings);
    }
  }

  /** The key's Java type as a message shows it: {@code Double}. */
  private static String display(TypeModel key) {
    String name = key.javaType().toString();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** The wire type annotation directly on a component, for underlining it. */
  private static AnnotationMirror wireMirror(FieldModel field) {
    List<AnnotationMirror> wires = Annotations.wireTypes(Annotations.of(field.component()));
    return wires.isEmpty() ? null : wires.get(0);
  }

  private static boolean accessible(TypeElement type, Element reportOn, AnnotationMirror mirror, Findings findings) {
    for (Element e = type; e != null && e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        findings.add(ErrorCode.PRIVATE_TYPE, reportOn, mirror, type.getSimpleName(),
            e == type ? "" : " nor nested in a private type");
        return false;
      }
    }
    return true;
  }
}
