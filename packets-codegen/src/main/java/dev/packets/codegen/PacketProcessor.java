package dev.packets.codegen;

import com.palantir.javapoet.JavaFile;
import com.sun.source.util.Trees;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code <Record>_PacketCodec} for every {@code @Packet} record and lists them in
 * {@code META-INF/services/dev.packets.codec.PacketCodec} for {@code PacketRegistry.discover()}. Each record goes
 * through three stages: analysis ({@link RecordAnalyser}), validation ({@link Validator}) and writing ({@link
 * CodecWriter}); the errors of the first two are reported together ({@link Findings}, tagged by {@link ErrorCode}).
 */
public final class PacketProcessor extends AbstractProcessor {
  static final String SERVICE_FILE = "META-INF/services/dev.packets.codec.PacketCodec";

  private final Map<String, String> packetNames = new HashMap<>();
  private final Set<String> codecs = new TreeSet<>();
  private Messager messager;
  private Filer filer;
  /** The compiler's syntax trees, for errors on the exact annotation; null in a compiler that is not javac. */
  private Trees trees;
  private final RecordAnalyser analyser = new RecordAnalyser();
  private final Validator validator = new Validator();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    messager = env.getMessager();
    filer = env.getFiler();
    try {
      trees = Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError e) {
      trees = null; // not javac (Eclipse's compiler): errors go on the component's line
    }
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Annotations.PACKET);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement packet = processingEnv.getElementUtils().getTypeElement(Annotations.PACKET);
    if (packet != null) {
      for (Element element : round.getElementsAnnotatedWith(packet)) {
        if (element instanceof TypeElement type) {
          generate(type);
        }
      }
    }
    if (round.processingOver() && !codecs.isEmpty()) {
      writeServiceFile();
    }
    return false;
  }

  /** Analysis, validation, then writing: each stage only when the one before found nothing wrong. */
  private void generate(TypeElement type) {
    AnnotationMirror mirror = Annotations.find(type.getAnnotationMirrors(), Annotations.PACKET);
    Findings findings = new Findings();
    PacketModel model = analyser.analyse(type, mirror, findings);
    if (model != null) {
      validator.validate(model, findings);
    }
    if (model != null && findings.isEmpty()) {
      String qualified = type.getQualifiedName().toString();
      String other = packetNames.putIfAbsent(model.name(), qualified);
      if (other != null && !other.equals(qualified)) {
        findings.add(ErrorCode.DUPLICATE_PACKET_NAME, type, mirror, model.name(), other);
      }
    }
    findings.report(messager, trees);
    if (model == null || !findings.isEmpty()) {
      return;
    }
    JavaFile file = new CodecWriter(model, generatedVisible(type)).write();
    try {
      file.writeTo(filer);
      codecs.add(model.codec().canonicalName());
    } catch (IOException e) {
      messager.printMessage(Diagnostic.Kind.ERROR, "cannot write " + model.codec() + ": " + e.getMessage(), type);
    }
  }

  private void writeServiceFile() {
    Set<String> all = new TreeSet<>(codecs);
    try {
      FileObject existing = filer.getResource(StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE);
      try (BufferedReader in = new BufferedReader(new InputStreamReader(existing.openInputStream(), StandardCharsets.UTF_8))) {
        in.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(all::add);
      }
    } catch (IOException | IllegalArgumentException e) {
      // no earlier index: this compilation writes the first one
    }
    try {
      FileObject out = filer.createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE);
      try (Writer w = out.openWriter()) {
        for (String codec : all) {
          w.write(codec);
          w.write('\n');
        }
      }
    } catch (IOException e) {
      messager.printMessage(Diagnostic.Kind.ERROR, "cannot write " + SERVICE_FILE + ": " + e.getMessage());
    }
  }

  /**
   * Whether the codec of {@code type} may carry {@code @javax.annotation.processing.Generated}: that annotation
   * lives in module {@code java.compiler}, which a named module reads only when it requires it; in the unnamed
   * module (the class path) it is there whenever the JDK has it.
   */
  private boolean generatedVisible(TypeElement type) {
    Elements elements = processingEnv.getElementUtils();
    ModuleElement module = elements.getModuleOf(type);
    if (module == null || module.isUnnamed()) {
      return elements.getTypeElement("javax.annotation.processing.Generated") != null;
    }
    for (ModuleElement.Directive directive : module.getDirectives()) {
      if (directive instanceof ModuleElement.RequiresDirective requires
          && requires.getDependency().getQualifiedName().contentEquals("java.compiler")) {
        return true;
      }
    }
    return false;
  }
}
