package dev.packets.game;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.game.node.GameServer;
import dev.packets.testing.Child;
import dev.packets.testing.External;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
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

  private static String run(String... command) {
    return Child.run(new File("src/test/node"), Duration.ofSeconds(90), command);
  }

  @Test
  void nodeClientPlays() throws Exception {
    String node = External.tool("node", "install Node 18+ (apt-get install nodejs npm)");
    String out = run(node, "client.mjs", String.valueOf(servers.get(0).port()));
    assertTrue(out.contains("WhereIs answered by node-3") && out.contains("client ok"), out);
  }

  @Test
  void browserDrawsEntitiesAndAsksWhereIs() throws Exception {
    String node = External.tool("node", "install Node 18+ (apt-get install nodejs npm)");
    External.tool("chromium", "install Debian's chromium (apt-get install chromium)");
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
