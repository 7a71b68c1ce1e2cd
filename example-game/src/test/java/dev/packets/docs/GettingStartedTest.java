package dev.packets.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.testing.Child;
import dev.packets.testing.External;
import dev.packets.testing.FreePort;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/getting-started.md, done as a reader would: the blocks it marks with a file name ({@code ```java
 * file=src/main/java/hello/Server.java}) are written into a fresh project, which Maven builds with the guide's own
 * pom against the installed snapshot; then the server is started, the client run against it and the page opened in
 * headless Chromium, and each must print what the guide says. Gradle is not run here (it is not installed).
 */
class GettingStartedTest {
  private static final Pattern BLOCK = Pattern.compile("```(\\w+) file=(\\S+)\\n(.*?)\\n```", Pattern.DOTALL);

  static Map<String, String> files(Path markdown) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    Matcher m = BLOCK.matcher(Files.readString(markdown));
    while (m.find()) {
      files.put(m.group(2), m.group(3) + "\n");
    }
    return files;
  }

  @Test
  void theGuidesProjectCompilesAndItsServerClientAndPageExchangeAPacket(@TempDir Path project) throws Exception {
    Map<String, String> files = files(Path.of("../docs/getting-started.md"));
    assertEquals(List.of("pom.xml", "src/main/java/hello/Hello.java", "src/main/java/hello/Packets.java",
        "src/main/java/hello/Server.java", "src/main/java/hello/Client.java", "src/main/resources/web/index.html"),
        List.copyOf(files.keySet()));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path path = project.resolve(f.getKey());
      Files.createDirectories(path.getParent() == null ? project : path.getParent());
      Files.writeString(path, f.getValue(), StandardCharsets.UTF_8);
    }
    String pom = files.get("pom.xml");
    assertTrue(pom.contains("<artifactId>packets-bom</artifactId>") && pom.contains("<scope>import</scope>")
        && pom.contains("<artifactId>socket-server</artifactId>") && pom.contains("<artifactId>packets-codegen</artifactId>"),
        pom);

    // built as the guide says, by Maven, against the snapshot installed in the local repository (the README's
    // test command, mvn install, installs it before this module's tests run)
    String mvn = External.tool("mvn", "install Maven 3.8+");
    Path installed = Path.of(System.getProperty("user.home"), ".m2", "repository", "dev", "packets", "packets-bom",
        "0.1.0-SNAPSHOT", "packets-bom-0.1.0-SNAPSHOT.pom");
    External.require(Files.exists(installed), "packets is not installed in the local repository: run "
        + "`mvn install -DskipTests` first (the README's test command, mvn install, does)");
    Child.run(project.toFile(), Duration.ofMinutes(5), mvn, "-B", "-q", "compile");
    Path classes = project.resolve("target/classes");
    assertTrue(Files.exists(classes.resolve("hello/Hello_PacketCodec.class")), "the processor wrote the codec");
    assertTrue(Files.exists(classes.resolve("web/index.html")), "the page is a resource");
    Child.run(project.toFile(), Duration.ofMinutes(5), mvn, "-B", "-q",
        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath", "-Dmdep.outputFile=classpath.txt");
    String classPath = Files.readString(project.resolve("classpath.txt")).strip();

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String runPath = classes + File.pathSeparator + classPath;
    int port = FreePort.loopback();
    CountDownLatch listening = new CountDownLatch(1);
    try (Child server = Child.start(project.toFile(), line -> {
      if (line.startsWith("listening on http://127.0.0.1:" + port + "/hello/")) {
        listening.countDown();
      }
    }, List.of(java, "-cp", runPath, "hello.Server", String.valueOf(port)))) {
      assertTrue(listening.await(30, TimeUnit.SECONDS), "the server says where it listens");
      String client = Child.run(project.toFile(), Duration.ofSeconds(60), java, "-cp", runPath, "hello.Client",
          String.valueOf(port));
      assertTrue(client.contains("hello, ada! hello, ada!\nrefused: 422 times is 1 to 3, not 9"), client);

      String node = External.tool("node", "install Node 18+ (apt-get install nodejs npm)");
      External.tool("chromium", "install Debian's chromium (apt-get install chromium)");
      String page = Child.run(new File("src/test/node"), Duration.ofSeconds(60), node, "page.mjs",
          "http://127.0.0.1:" + port + "/hello/", "#answer");
      assertTrue(page.contains("page says: hello, browser!"), page);
    }
  }
}
