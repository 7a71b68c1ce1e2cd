package dev.packets.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java and docs/guides.md's, taken from the files themselves: each {@code ```java} block is compiled against this build (its
 * packets through the processor), as the body of a class whose prelude supplies what the README leaves to the
 * reader: the imports, a {@code packets} registry where a block uses one without making it, and the few types it
 * names without declaring ({@code Kick}, {@code Position}, {@code MoveAcceptor}, and an annotation named {@code Nullable}). The quick start then runs, and its
 * bytes must be the ones its comment shows. Blocks that elide code ({@code …} outside a comment) are left out, and counted.
 */
class ReadmeSnippetsTest {
  private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL);
  private static final String IMPORTS = """
      import dev.packets.*;
      import dev.packets.client.*;
      import dev.packets.intercom.*;
      import dev.packets.server.*;
      import dev.packets.server.auth.*;
      import dev.packets.socketio.*;
      import java.net.*;
      import java.nio.file.*;
      import java.time.*;
      import java.util.*;
      """;
  /** What the README names without declaring, when a block does not declare it itself. */
  private static final List<String[]> CONTEXT = List.of(
      new String[] {"record Move(", "@Packet record Move(@VarUint int entity, float x, float y, float z, short heading, "
          + "String name) {}"},
      new String[] {"record Kick(", "@Packet record Kick(String who) {}"},
      new String[] {"record Position(", "@Packet record Position(int entity, float x, float y) {}"},
      new String[] {"class MoveAcceptor", "static final class MoveAcceptor implements Acceptor<Move> {}"},
      // "any @Nullable": one of the reader's own
      new String[] {"@interface Nullable", "@interface Nullable {}"});

  /** A block's type declarations (a line that starts one, to the line whose code ends with a brace) and statements. */
  static String[] split(String block) {
    StringBuilder declarations = new StringBuilder();
    StringBuilder statements = new StringBuilder();
    boolean inDeclaration = false;
    for (String line : block.split("\n")) {
      String code = line.replaceAll("//.*$", "").strip();
      if (!inDeclaration && (code.startsWith("@Packet") || code.startsWith("record ") || code.startsWith("enum "))) {
        inDeclaration = true;
      }
      (inDeclaration ? declarations : statements).append(line).append('\n');
      if (inDeclaration && code.endsWith("}")) {
        inDeclaration = false;
      }
    }
    return new String[] {declarations.toString(), statements.toString()};
  }

  static String source(String prefix, int index, String block) {
    String[] parts = split(block);
    StringBuilder out = new StringBuilder("package readme;\n").append(IMPORTS)
        .append("public final class ").append(prefix).append(index).append(" {\n").append(parts[0]);
    for (String[] type : CONTEXT) {
      if (!block.contains(type[0])) {
        out.append(type[1]).append('\n');
      }
    }
    out.append("  public static Object run() throws Exception {\n");
    if (!block.contains("PacketRegistry packets =")) {
      out.append("PacketRegistry packets = PacketRegistry.of(Move.class);\n");
    }
    out.append(parts[1]);
    out.append(parts[1].contains("byte[] bytes =") ? "return bytes;\n" : "return null;\n");
    out.append("  }\n}\n");
    return out.toString();
  }

  /** The Java blocks of a markdown file, in order. */
  static List<String> blocks(Path markdown) throws IOException {
    Matcher m = BLOCK.matcher(Files.readString(markdown));
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  /** Compiles each block of {@code markdown} that elides nothing on its own; returns where each went. */
  static List<Path> compileAll(Path markdown, String prefix, Path dir, int atLeast) throws IOException {
    List<String> blocks = blocks(markdown);
    List<Path> sources = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).replaceAll("//[^\\n]*", "").contains("…")) {
        continue;
      }
      Path file = dir.resolve("src/readme/" + prefix + i + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source(prefix, i, blocks.get(i)));
      sources.add(file);
    }
    assertTrue(sources.size() >= atLeast, markdown + ": " + sources.size() + " blocks checked of " + blocks.size());
    // one compilation each: a packet's name is unique within a compilation, and the blocks reuse Move
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<Path> out = new ArrayList<>();
    for (Path source : sources) {
      Path classes = dir.resolve("classes").resolve(source.getFileName().toString().replace(".java", ""));
      Files.createDirectories(classes);
      ByteArrayOutputStream errors = new ByteArrayOutputStream();
      int status = javac.run(null, errors, errors, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
          "--release", "17", "-proc:full", source.toString());
      assertEquals(0, status, markdown + "'s Java compiles:\n" + Files.readString(source) + "\n"
          + errors.toString(StandardCharsets.UTF_8));
      out.add(classes);
    }
    return out;
  }

  @Test
  void theGuidesJavaCompiles(@TempDir Path dir) throws Exception {
    assertEquals(7, compileAll(Path.of("../docs/guides.md"), "Guide", dir, 7).size());
  }

  @Test
  void theReadmesJavaCompilesAndItsQuickStartGivesTheBytesItShows(@TempDir Path dir) throws Exception {
    List<String> blocks = blocks(Path.of("../README.md"));
    List<Path> compiled = compileAll(Path.of("../README.md"), "Snippet", dir, 6);
    assertEquals(blocks.size() - 1, compiled.size(), "one block elides code (the presence listener's bodies)");
    Path classes = dir.resolve("classes/Snippet0");

    // the quick start's encode, and the bytes its comment promises
    Matcher shown = Pattern.compile("// 19 bytes: ([0-9a-f ]+)").matcher(blocks.get(0));
    assertTrue(shown.find(), blocks.get(0));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        getClass().getClassLoader())) {
      Method run = loader.loadClass("readme.Snippet0").getMethod("run");
      byte[] bytes = (byte[]) run.invoke(null);
      assertEquals(shown.group(1).strip(), HexFormat.ofDelimiter(" ").formatHex(bytes));
    }
  }
}
