package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.testing.Child;
import dev.packets.testing.External;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's packets as TypeScript types ({@code /packets/packets.d.ts}) type packets-js' {@code send} and
 * {@code accept}: tsc (npm typescript) compiles a program that uses them right and refuses one that does not.
 */
class TypeScriptTypesTest {
  private static final String PACKETS_JS = new File("../packets-js/src/index.js").getAbsolutePath();

  @Test
  void theGeneratedTypesCatchAWrongPacket(@TempDir Path dir) throws Exception {
    String node = External.tool("node", "install Node 18+ (apt-get install nodejs npm)");
    String types;
    try (PacketServer server = TestPackets.server().build().start()) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + server.port() + "/packets/packets.d.ts")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      types = response.body();
    }
    assertTrue(types.contains("\"Move\": { \"entity\": number; \"x\": number; \"y\": number; };"), types);
    assertTrue(types.contains("\"Echo\": { \"text\": string; };"), types);
    Files.writeString(dir.resolve("packets.d.ts"), types);
    Files.writeString(dir.resolve("package.json"), "{\"type\": \"module\"}");
    String head = "import { connect } from " + quoted(PACKETS_JS) + ";\n"
        + "import type { Packets } from './packets.js';\n"
        + "const client = await connect<Packets>('http://127.0.0.1:1');\n";
    Files.writeString(dir.resolve("good.ts"), head
        + "await client.send(['Move', { entity: 7, x: 1.5, y: -2 }]);\n"
        + "client.accept('Echo', (echo) => echo.text.toUpperCase());\n");
    Files.writeString(dir.resolve("bad.ts"), head
        + "await client.send(['Move', { entity: 'seven', x: 1.5, y: -2 }]);\n"
        + "client.accept('Echo', (echo) => echo.txt);\n"
        + "await client.send(['Nope', {}]);\n");
    String tsc = new File("src/test/node/node_modules/typescript/bin/tsc").getAbsolutePath();
    assertTrue(new File(tsc).isFile(), "run `npm ci` in socket-server/src/test/node (the build does it)");
    String good = Child.run(dir.toFile(), Duration.ofSeconds(60), node, tsc, "--noEmit", "--strict", "--module",
        "nodenext", "--target", "es2022", "--skipLibCheck", "good.ts");
    assertEquals("", good.strip(), "the right program compiles");
    AssertionError bad = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> Child.run(
        dir.toFile(), Duration.ofSeconds(60), node, tsc, "--noEmit", "--strict", "--module", "nodenext", "--target",
        "es2022", "--skipLibCheck", "bad.ts"));
    String errors = bad.getMessage();
    assertTrue(errors.contains("bad.ts(4,30): error TS2322: Type 'string' is not assignable to type 'number'."),
        errors);
    assertTrue(errors.contains("bad.ts(5,38): error TS2551: Property 'txt' does not exist"), errors);
    assertTrue(errors.contains("bad.ts(6,20): error TS2322: Type '\"Nope\"' is not assignable"), errors);
  }

  private static String quoted(String path) {
    return "'" + path.replace("\\", "/") + "'";
  }
}
