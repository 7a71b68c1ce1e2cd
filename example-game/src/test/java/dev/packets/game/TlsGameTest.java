package dev.packets.game;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.game.bot.Bot;
import dev.packets.testing.Child;
import dev.packets.testing.External;
import dev.packets.testing.TestCertificate;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The game over https and wss ({@code --tls-cert}/{@code --tls-key}): Debian's Chromium plays it trusting a test
 * certificate through its command-line flag, and a bot (the Java client) joins trusting the same file.
 */
class TlsGameTest {
  @Test
  void theBrowserAndABotPlayOverTls(@TempDir Path dir) throws Exception {
    TestCertificate certificate = TestCertificate.make(dir, "game");
    GameMain.Options options = GameMain.Options.parse(new String[] {"--nodes", "1", "--port", "0", "--entities", "100",
        "--tls-cert", certificate.certificatePem().toString(), "--tls-key", certificate.keyPem().toString()});
    Game game = Game.start(options);
    try {
      int port = game.server(0).port();
      Bot bot = new Bot(URI.create("https://127.0.0.1:" + port), "tls-bot", 7, certificate.certificatePem());
      bot.close();

      String node = External.tool("node", "install Node 18+ (apt-get install nodejs npm)");
      External.tool("chromium", "install Debian's chromium (apt-get install chromium)");
      File shots = new File("target/screenshots");
      shots.mkdirs();
      String out = Child.run(new File("src/test/node"), Map.of("TRUST_SPKI", certificate.spki()),
          Duration.ofSeconds(90), node, "browser.mjs", String.valueOf(port),
          new File(shots, "game-tls.png").getAbsolutePath());
      assertTrue(out.contains("over https: with a trusted test certificate"), out);
      assertTrue(out.contains("canvas changes between frames"), out);
      assertTrue(out.matches("(?s).*answer: entity \\d+ is at .*, simulated by node-1.*"), out);
    } finally {
      game.close();
    }
  }
}
