package dev.packets.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.game.node.GameServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JavaScript client (packets-js) under Node, and the game page in Debian's headless Chromium, against three
 * nodes. Missing node or chromium skips with a message, or fails under -Dpackets.requireExternal=true (CI).
 */
class BrowserAndNodeTest {
  private List<GameServer> servers;

  @BeforeEach
  void start() {
    servers = GameMain.start(new GameMain.Options(3, 1, null, "127.0.0.1", 0, 200, 42, 0));
  }

  @AfterEach
  void stop() {
    servers.forEach(GameServer::close);
  }

  private static String tool(String name, String install) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File file = new File(dir, name);
      if (file.canExecute()) {
        return file.getPath();
      }
    }
    String message = name + " is not installed; " + install;
    if (Boolean.getBoolean("packets.requireExternal")) {
      Assertions.fail(message + " (required: packets.requireExternal=true)");
    }
    Assumptions.abort(message);
    return null;
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(new File("src/test/node")).redirectErrorStream(true).start();
    boolean done = p.waitFor(90, TimeUnit.SECONDS);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    System.out.println(output);
    assertTrue(done, "timed out:\n" + output);
    assertEquals(0, p.exitValue(), output);
    return output;
  }

  @Test
  void nodeClientPlays() throws Exception {
    String node = tool("node", "install Node 18+ (apt-get install nodejs npm)");
    String out = run(node, "client.mjs", String.valueOf(servers.get(0).port()));
    assertTrue(out.contains("WhereIs answered by node-3") && out.contains("client ok"), out);
  }

  @Test
  void browserDrawsEntitiesAndAsksWhereIs() throws Exception {
    String node = tool("node", "install Node 18+ (apt-get install nodejs npm)");
    tool("chromium", "install Debian's chromium (apt-get install chromium)");
    File shots = new File("target/screenshots");
    shots.mkdirs();
    List<String> command = new ArrayList<>(List.of(node, "browser.mjs", String.valueOf(servers.get(1).port()),
        new File(shots, "game.png").getAbsolutePath()));
    String out = run(command.toArray(String[]::new));
    assertTrue(out.contains("canvas changes between frames"), out);
    assertTrue(out.matches("(?s).*answer: entity \\d+ is at .*, simulated by node-\\d.*"), out);
    assertTrue(new File(shots, "game.png").length() > 1000);
  }
}
