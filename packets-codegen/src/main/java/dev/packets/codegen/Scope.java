package dev.packets.codegen;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/**
 * Where the analysis of one packet is: the records it is inside (to refuse a record that contains itself), the
 * component it reads and that component's wire path, whether the packet is packed whole; and where its findings go.
 * Immutable: each step down makes a new one, so the analysers hold no state between records.
 *
 * @param records the records entered, outermost first
 * @param component the component being read, null at the packet itself
 * @param path the wire path: {@code Line.from.x}, {@code Bag.items[]}
 * @param packedWhole whether the packet is {@code @Packed} whole: its free-form components need no {@code @Packed}
 */
record Scope(Findings findings, List<TypeElement> records, RecordComponentElement component, String path,
    boolean packedWhole) {

  /** The scope of a packet's analysis. */
  static Scope of(String packet, boolean packedWhole, Findings findings) {
    return new Scope(findings, List.of(), null, packet, packedWhole);
  }

  /** Inside {@code record}'s fields. */
  Scope inside(TypeElement record) {
    List<TypeElement> deeper = new ArrayList<>(records);
    deeper.add(record);
    return new Scope(findings, List.copyOf(deeper), component, path, packedWhole);
  }

  /** Reading {@code component}, at {@code path}. */
  Scope at(RecordComponentElement component, String path) {
    return new Scope(findings, records, component, path, packedWhole);
  }

  /** Further down the same component: a list's items ({@code path[]}), a map's keys or values. */
  Scope path(String path) {
    return new Scope(findings, records, component, path, packedWhole);
  }

  String javaName() {
    return component.getSimpleName().toString();
  }

  /** Reports {@code code} on the component being read (or the innermost record) and {@code mirror}, if any. */
  void error(ErrorCode code, AnnotationMirror mirror, Object... args) {
    findings.add(code, component != null ? component : records.get(records.size() - 1), mirror, args);
  }
}
