package dev.packets.game;

import dev.packets.SchemaBaseline;
import dev.packets.game.node.GameServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The game's packets as deployed browsers know them (example-game/packets.schema): a change that would renumber a
 * packet or reshape one of its fields fails the build, each break named; {@code -Dpackets.acceptSchemaChange=true}
 * accepts it.
 */
class PacketSchemaTest {
  @Test
  void thePacketsDoNotBreakDeployedClients() {
    SchemaBaseline.Changes changes = SchemaBaseline.verify(GameServer.PACKETS, Path.of("packets.schema"));
    changes.additions().forEach(addition -> System.out.println("packets.schema: " + addition));
  }
}
