package dev.packets.codegen;

import com.palantir.javapoet.JavaFile;
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
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code <Record>_PacketCodec} for every {@code @Packet} record and lists them in
 * {@code META-INF/services/dev.packets.codec.PacketCodec} for {@code PacketRegistry.discover()}.
 */
public final class PacketProcessor extends AbstractProcessor {
  static final String SERVICE_FILE = "META-INF/services/dev.packets.codec.PacketCodec";

  private final Map<String, String> packetNames = new HashMap<>();
  private final Set<String> codecs = new TreeSet<>();
  private Messager messager;
  private Filer filer;
  private Analyser analyser;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    messager = env.getMessager();
    filer = env.getFiler();
    analyser = new Analyser(messager);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Analyser.supportedAnnotations();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement packet = processingEnv.getElementUtils().getTypeElement(Analyser.PACKET);
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

  private void generate(TypeElement type) {
    AnnotationMirror mirror = Analyser.mirror(type.getAnnotationMirrors(), Analyser.PACKET);
    PacketModel model = analyser.analyse(type, mirror);
    if (model == null) {
      return;
    }
    String qualified = type.getQualifiedName().toString();
    String other = packetNames.putIfAbsent(model.name(), qualified);
    if (other != null && !other.equals(qualified)) {
      messager.printMessage(Diagnostic.Kind.ERROR, "duplicate packet name '" + model.name() + "': " + other
          + " has it too; give one of them another name with @Packet(\"…\")", type, mirror);
      return;
    }
    JavaFile file = new CodecWriter(model).write();
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
}
