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
    assertTrue(types.contains("\"Account\": { \"id\": bigint; \"nick\"?: string; \"kind\": \"PLAYER\" | \"BOT\" | "
        + "\"ADMIN\"; \"stats\": Record<string, number>; \"since\"?: bigint; };"), types);
    Files.writeString(dir.resolve("packets.d.ts"), types);
    Files.writeString(dir.resolve("package.json"), "{\"type\": \"module\"}");
    String head = "import { connect } from " + quoted(PACKETS_JS) + ";\n"
        + "import type { Packets } from './packets.js';\n"
        + "const client = await connect<Packets>('http://127.0.0.1:1');\n";
    Files.writeString(dir.resolve("good.ts"), head
        + "await client.send(['Move', { entity: 7, x: 1.5, y: -2 }]);\n"
        + "client.accept('Echo', (echo) => echo.text.toUpperCase());\n"
        + "const account = await client.request(['Account', { id: 1n, kind: 'BOT', stats: { hp: 3 } }], 'Account');\n"
        + "const id: bigint = account.id;\n"
        + "const kind: 'PLAYER' | 'BOT' | 'ADMIN' = account.kind;\n"
        + "const nick: string | undefined = account.nick;\n"
        + "const hp: number | undefined = account.stats['hp'];\n"
        + "const since: bigint | undefined = account.since;\n"
        + "console.log(id, kind, nick, hp, since);\n");
    Files.writeString(dir.resolve("bad.ts"), head
        + "await client.send(['Move', { entity: 'seven', x: 1.5, y: -2 }]);\n"
        + "client.accept('Echo', (echo) => echo.txt);\n"
        + "await client.send(['Nope', {}]);\n"
        + "await client.send(['Account', { id: 1n, kind: 'GHOST', stats: {} }]);\n"
        + "const account = await client.request(['Echo', { text: 'x' }], 'Account');\n"
        + "const nick: string = account.nick;\n"
        + "await client.send(['Account', { id: 1n, kind: 'BOT' }]);\n");
    String tsc = new File("src/test/node/node_modules/typescript/bin/tsc").getAbsolutePath();
    assertTrue(new File(tsc).isFile(), "run `npm ci` in socket-server/src/test/node (the build does it)");
    String good = Child.run(dir.toFile(), Duration.ofSeconds(60), node, tsc, "--noEmit", "--strict", "--module",
        "nodenext", "--target", "es2022", "--skipLibCheck", "good.ts");
    assertEquals("", good.strip(), "the right program compiles");
    AssertionError bad = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> Child.run(
        dir.toFile(), Duration.ofSeconds(60), node, tsc, "--noEmit", "--strict", "--module", "nodenext", "--target",
        "es2022", "--skipLibCheck", "bad.ts"));
    String errors = bad.getMessage();
    assertEquals(6, errors.lines().filter(l -> l.startsWith("bad.ts(")).count(), errors);
    assertTrue(errors.contains("bad.ts(4,30): error TS2322: Type 'string' is not assignable to type 'number'."),
        errors);
    assertTrue(errors.contains("bad.ts(5,38): error TS2551: Property 'txt' does not exist"), errors);
    assertTrue(errors.contains("bad.ts(6,20): error TS2322: Type '\"Nope\"' is not assignable"), errors);
    assertTrue(errors.contains("bad.ts(7,41): error TS2322: Type '\"GHOST\"' is not assignable to type '\"PLAYER\" | "
        + "\"BOT\" | \"ADMIN\"'."), errors);
    assertTrue(errors.contains("bad.ts(9,7): error TS2322: Type 'string | undefined' is not assignable to type "
        + "'string'."), errors);
    assertTrue(errors.contains("bad.ts(10,31): error TS2741: Property '\"stats\"' is missing"), errors);
  }

  private static String quoted(String path) {
    return "'" + path.replace("\\", "/") + "'";
  }
}
