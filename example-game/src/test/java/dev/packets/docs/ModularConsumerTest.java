package dev.packets.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small application with its own {@code module-info.java} that uses packets from the module path: packets-core,
 * socket-protocol and socket-client as automatic modules ({@code Automatic-Module-Name}), the processor on the
 * processor path. It compiles (the generated codecs leave out {@code @Generated}, whose module it does not read) and
 * runs; without {@code opens} of its packets' package to {@code dev.packets.core} the registry says what to add.
 */
class ModularConsumerTest {
  /** The jars on the module path, by what their path contains, and the module names of those built here. */
  private static final Map<String, String> MODULES = Map.of("packets-core", "dev.packets.core", "socket-protocol",
      "dev.packets.protocol", "socket-client", "dev.packets.client", "msgpack-core", "", "org/json", "", "slf4j-api",
      "");
  private static final List<String> PROCESSOR = List.of("packets-codegen", "javapoet");

  private static final String MAIN = """
      package hello.modular;

      import dev.packets.Packet;
      import dev.packets.PacketRegistry;
      import dev.packets.VarUint;
      import dev.packets.client.ClientOptions;
      import java.util.HexFormat;

      public final class Main {
        @Packet
        public record Ping(@VarUint int n, String text) {}

        public static void main(String[] args) {
          PacketRegistry packets = PacketRegistry.of(Ping.class);
          byte[] bytes = packets.encode(new Ping(7, "hi"));
          System.out.println(HexFormat.of().formatHex(bytes) + " " + packets.decode(Ping.class, bytes) + " "
              + ClientOptions.DEFAULT.transport());
        }
      }
      """;

  /** The class path's entries that {@code names} pick, each a jar (a module's classes directory jarred first). */
  private static List<String> jars(Map<String, String> names, Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      for (Map.Entry<String, String> name : names.entrySet()) {
        if (entry.replace('\\', '/').contains(name.getKey()) && !entry.contains("test-classes")) {
          out.add(Files.isDirectory(Path.of(entry)) ? jar(Path.of(entry), name.getValue(), dir) : entry);
        }
      }
    }
    return out;
  }

  /** A reactor build gives a module's classes directory: jarred with its module name. */
  private static String jar(Path classes, String module, Path dir) throws IOException {
    Path manifest = dir.resolve(module + ".mf");
    Files.writeString(manifest, "Automatic-Module-Name: " + module + "\n");
    Path jar = dir.resolve(module + ".jar");
    ToolProvider tool = ToolProvider.findFirst("jar").orElseThrow();
    assertEquals(0, tool.run(System.out, System.err, "--create", "--file", jar.toString(), "--manifest",
        manifest.toString(), "-C", classes.toString(), "."));
    return jar.toString();
  }

  private static String java(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return out;
  }

  private static void compile(Path src, Path out, String modulePath, String processorPath) throws IOException {
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, errors, errors, "-d", out.toString(),
        "--module-path", modulePath, "--processor-path", processorPath, "--module-source-path", src.toString(),
        "--module", "hello.modular");
    assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anApplicationWithItsOwnModuleInfoUsesPacketsFromTheModulePath(@TempDir Path dir) throws Exception {
    String modulePath = String.join(File.pathSeparator, jars(MODULES, dir));
    String processorPath = String.join(File.pathSeparator, jars(PROCESSOR.stream()
        .collect(java.util.stream.Collectors.toMap(p -> p, p -> "dev.packets.codegen")), dir));
    assertEquals(6, modulePath.split(File.pathSeparator).length, modulePath);

    Path src = dir.resolve("src/hello.modular");
    Files.createDirectories(src.resolve("hello/modular"));
    Files.writeString(src.resolve("hello/modular/Main.java"), MAIN);
    Files.writeString(src.resolve("module-info.java"), """
        module hello.modular {
          requires dev.packets.core;
          requires dev.packets.client;
          opens hello.modular to dev.packets.core;   // the registry makes the generated codecs
        }
        """);
    Path out = dir.resolve("out");
    compile(dir.resolve("src"), out, modulePath, processorPath);
    String ran = java(dir, "--module-path", out + File.pathSeparator + modulePath, "-m",
        "hello.modular/hello.modular.Main");
    assertEquals("07026869 Ping[n=7, text=hi] AUTO", ran.strip());

    // without the opens: the registry says what to add
    Files.writeString(src.resolve("module-info.java"), """
        module hello.modular {
          requires dev.packets.core;
          requires dev.packets.client;
        }
        """);
    Path closed = dir.resolve("closed");
    compile(dir.resolve("src"), closed, modulePath, processorPath);
    String refused = java(dir, "--module-path", closed + File.pathSeparator + modulePath, "-m",
        "hello.modular/hello.modular.Main");
    assertTrue(refused.contains("module hello.modular does not open hello.modular to dev.packets.core (add `opens "
        + "hello.modular to dev.packets.core;` to its module-info.java)"), refused);
  }
}
