package dev.packets.codegen;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/**
 * Stage one, analysis: reads a {@code @Packet} record, its components and the records within it into a {@link
 * PacketModel}, reporting a shape it cannot read on the component and annotation at fault. Types are {@link
 * TypeAnalyser}'s; the rules on a model that was read are {@link Validator}'s.
 */
final class RecordAnalyser {
  private final TypeAnalyser types = new TypeAnalyser(this);

  /** The model of {@code element}, or null after adding to {@code findings} why there is none. */
  PacketModel analyse(TypeElement element, AnnotationMirror packet, Findings findings) {
    if (element.getKind() != ElementKind.RECORD) {
      findings.add(ErrorCode.NOT_A_RECORD, element, packet, element.getSimpleName(), JavaTypes.kindName(element));
      return null;
    }
    String name = Annotations.stringValue(packet, "value");
    if (name == null || name.isEmpty()) {
      name = element.getSimpleName().toString();
    }
    boolean packedRecord = Annotations.find(element.getAnnotationMirrors(), Annotations.PACKED) != null;
    TypeModel.ObjectType root = object(element, Scope.of(name, packedRecord, findings));
    Object id = Annotations.value(packet, "id");
    return root == null ? null
        : new PacketModel(element, name, codecName(element), root, packedRecord, id == null ? 0 : (Integer) id);
  }

  /** {@code com.example.Outer.Move} → {@code com.example.Outer_Move_PacketCodec}. */
  static ClassName codecName(TypeElement element) {
    ClassName record = ClassName.get(element);
    return ClassName.get(record.packageName(), String.join("_", record.simpleNames()) + "_PacketCodec");
  }

  /** A record's fields, all of them read, or null (every component is read, so each error is reported). */
  TypeModel.ObjectType object(TypeElement record, Scope scope) {
    if (scope.records().contains(record)) {
      StringBuilder chain = new StringBuilder();
      for (TypeElement t : scope.records()) {
        chain.append(t.getSimpleName()).append(" → ");
      }
      scope.error(ErrorCode.RECURSIVE, null, record.getSimpleName(), chain.append(record.getSimpleName()));
      return null;
    }
    Scope inside = scope.inside(record);
    List<FieldModel> fields = new ArrayList<>();
    boolean complete = true;
    for (RecordComponentElement component : record.getRecordComponents()) {
      FieldModel field = field(component, inside);
      complete &= field != null;
      if (field != null) {
        fields.add(field);
      }
    }
    return complete ? new TypeModel.ObjectType(ClassName.get(record), record, List.copyOf(fields)) : null;
  }

  private FieldModel field(RecordComponentElement component, Scope scope) {
    String javaName = component.getSimpleName().toString();
    AnnotationMirror name = Annotations.find(component.getAnnotationMirrors(), Annotations.NAME);
    String wireName = name == null ? javaName : String.valueOf(Annotations.stringValue(name, "value"));
    Scope here = scope.at(component, scope.path() + "." + wireName);
    Map<String, AnnotationMirror> annotations = Annotations.of(component);
    AnnotationMirror packed = annotations.get(Annotations.PACKED);
    List<AnnotationMirror> wires = Annotations.wireTypes(annotations);
    TypeModel model;
    if (packed != null) {
      if (!wires.isEmpty()) {
        here.error(ErrorCode.PACKED_WITH_WIRE_TYPE, packed, javaName);
        return null;
      }
      model = types.packed(component.asType(), here, packed);
    } else if (scope.packedWhole() && wires.isEmpty() && JavaTypes.freeForm(component.asType())) {
      model = types.packed(component.asType(), here, null);
    } else {
      model = types.component(component.asType(), annotations, here);
    }
    return model == null ? null : new FieldModel(javaName, wireName, model, component);
  }
}
