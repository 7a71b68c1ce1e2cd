package dev.packets.game.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.game.Game;
import dev.packets.game.GameMain;
import org.junit.jupiter.api.Test;

/** A short load run, as {@code GameMain --load 12 --seconds 8} makes it: bots that walk, cross, chat and ask. */
class LoadTest {
  @Test
  void botsPlayAcrossTheNodesWithoutErrors() throws Exception {
    try (Game game = Game.start(GameMain.Options.local(3, 200))) {
      Load.Summary summary = Load.run(game, 12, 8, 42, null);
      System.out.println(summary);
      assertEquals(0, summary.errors(), summary.toString());
      assertTrue(summary.redirects() > 0, "bots walked over borders and followed: " + summary);
      assertTrue(summary.handoffsPerSecond() > 1, summary.toString());
      assertTrue(summary.roundTrips() > 50 && summary.p99Micros() > 0, summary.toString());
      assertTrue(summary.chats() > 0, "bots' chat reached bots: " + summary);
      assertTrue(summary.packetsPerSecond() > 200, summary.toString());
    }
  }
}
