package dev.packets.game;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.game.bot.Bot;
import dev.packets.game.node.GameServer;
import dev.packets.game.sim.Entity;
import dev.packets.testing.Child;
import dev.packets.testing.External;
import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JavaScript client (packets-js) under Node, and the game page in Debian's headless Chromium, against three
 * nodes. Missing node or chromium skips with a message, or fails under -Dpackets.requireExternal=true (CI).
 */
class BrowserAndNodeTest {
  private Game game;

  @BeforeEach
  void start() {
    game = Game.start(GameMain.Options.local(3, 200));
  }

  @AfterEach
  void stop() {
    game.close();
  }

  private static String run(String... command) {
    return Child.run(new File("src/test/node"), Duration.ofSeconds(90), command);
  }

  @Test
  void nodeClientPlays() throws Exception {
    String node = External.tool("node", "install Node 18+ (apt-get install nodejs npm)");
    String out = run(node, "client.mjs", String.valueOf(game.server(0).port()), String.valueOf(game.server(1).port()));
    assertTrue(out.contains("WhereIs answered by node-3") && out.contains("client ok"), out);
    assertTrue(out.contains("packets: connected to http://127.0.0.1:" + game.server(0).port() + " on lane: packet table "
        + GameServer.PACKETS.fingerprint() + ", wire 1"), "the client's debug log: " + out);
    assertTrue(out.contains("moved to node 2 on lane with its session")
        && out.contains("moved to node 2 on socket.io with its session"), out);
  }

  /** The page's player, once it has joined node 1: put next to the border with node 2, where it waits. */
  private void putThePlayerByTheBorder() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Integer placed = game.server(0).node().call(sim -> {
        for (Entity e : sim.entities()) {
          if (e.player() && !e.leaving()) {
            sim.place(e.id(), 985, 500);
            return e.id();
          }
        }
        return null;
      }).get(5, TimeUnit.SECONDS);
      if (placed != null) {
        return;
      }
      Thread.sleep(50);
    }
  }

  @Test
  void thePageDrawsEveryNodeAnswersClicksShowsChatFromAnotherNodeAndFollowsItsPlayer() throws Exception {
    String node = External.tool("node", "install Node 18+ (apt-get install nodejs npm)");
    External.tool("chromium", "install Debian's chromium (apt-get install chromium)");
    File shots = new File("target/screenshots");
    shots.mkdirs();
    try (Bot bot = new Bot(URI.create(game.urls().get(2)), "bot-1", 1, null).start()) {
      CompletableFuture<String> page = CompletableFuture.supplyAsync(() -> run(node, "browser.mjs",
          String.valueOf(game.server(0).port()), new File(shots, "game.png").getAbsolutePath(), "walk"));
      putThePlayerByTheBorder();
      String out = page.get(120, TimeUnit.SECONDS);
      assertTrue(out.contains("canvas changes between frames"), out);
      Matcher pixels = Pattern.compile("pixels by node: node-1=(\\d+) node-2=(\\d+) node-3=(\\d+)").matcher(out);
      assertTrue(pixels.find(), out);
      for (int i = 1; i <= 3; i++) {
        assertTrue(Integer.parseInt(pixels.group(i)) > 50, "node-" + i + "'s colour drawn: " + out);
      }
      Matcher clicked = Pattern.compile("clicked entity (\\d+) of node-(\\d)").matcher(out);
      assertTrue(clicked.find(), out);
      assertTrue(out.matches("(?s).*answer: entity " + clicked.group(1) + " is at .*, simulated by node-\\d.*"), out);
      // the bot started on node 3 and walks: it chats from node 2 or 3, not from the page's node
      assertTrue(out.matches("(?s).*chat: bot-1: hello from bot-1 on node-[23].*"), out);
      assertTrue(out.contains("walked from node-1 to node-2 without a reload"), out);
      assertTrue(out.contains("drawn by node-2"), out);
      assertTrue(new File(shots, "game.png").length() > 1000);
      assertTrue(bot.errors().isEmpty(), bot.errors().toString());
    }
  }
}
