package dev.packets.codegen;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * The errors found in one record, each on the element (and annotation) at fault; reported together once its
 * analysis and validation are done, so that every error of a record shows in one compile.
 */
final class Findings {
  /** One error: its code and message, where it is. */
  record Finding(ErrorCode code, String message, Element element, AnnotationMirror mirror) {}

  private final List<Finding> found = new ArrayList<>();

  void add(ErrorCode code, Element element, AnnotationMirror mirror, Object... args) {
    found.add(new Finding(code, code.message(args), element, mirror));
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  List<Finding> all() {
    return List.copyOf(found);
  }

  /**
   * Prints every finding. javac gives record components no source position, so a component's error goes on the
   * annotation at fault in its source (found through the compiler's trees, when the compiler is javac), or else on
   * its field, which sits on the same line: an IDE underlines the annotation, or at least the component.
   */
  void report(Messager messager, Trees trees) {
    for (Finding f : found) {
      Element element = f.element();
      AnnotationMirror mirror = f.mirror();
      if (element instanceof RecordComponentElement component) {
        Element field = fieldOf(component);
        if (field != null && mirror != null && trees != null && printedOnAnnotation(trees, field, mirror, f.message())) {
          continue;
        }
        if (field != null) {
          messager.printMessage(Diagnostic.Kind.ERROR, f.message(), field);
          continue;
        }
      }
      if (mirror != null) {
        messager.printMessage(Diagnostic.Kind.ERROR, f.message(), element, mirror);
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, f.message(), element);
      }
    }
  }

  /** Prints {@code message} on the first annotation named like {@code mirror} in {@code field}'s declaration. */
  private static boolean printedOnAnnotation(Trees trees, Element field, AnnotationMirror mirror, String message) {
    TreePath path = trees.getPath(field);
    if (path == null) {
      return false;
    }
    String simpleName = Annotations.simpleName(mirror);
    AnnotationTree[] match = new AnnotationTree[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAnnotation(AnnotationTree tree, Void unused) {
        String type = tree.getAnnotationType().toString();
        if (match[0] == null && type.substring(type.lastIndexOf('.') + 1).equals(simpleName)) {
          match[0] = tree;
        }
        return super.visitAnnotation(tree, unused);
      }
    }.scan(path.getLeaf(), null);
    if (match[0] == null) {
      return false;
    }
    trees.printMessage(Diagnostic.Kind.ERROR, message, match[0], path.getCompilationUnit());
    return true;
  }

  private static Element fieldOf(RecordComponentElement component) {
    for (var field : ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements())) {
      if (field.getSimpleName().equals(component.getSimpleName())) {
        return field;
      }
    }
    return null;
  }
}
