package dev.packets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.codec.Schemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed packet table: what breaks deployed clients is refused, each break named; new packets pass. */
class SchemaBaselineTest {
  private static final String DEPLOYED = """
      # a baseline as written
      1 Chat
        name string
        text string
      2 Move
        entity varuint
        x float32
        y float32
      3 Player
        position[] int16
        stats.str uint8
      4 Refresh
      """;

  private static SchemaBaseline.Changes changes(String now) {
    return SchemaBaseline.compare(SchemaBaseline.read(DEPLOYED), SchemaBaseline.read(now));
  }

  @Test
  void theSameTableChangesNothing() {
    assertEquals(new SchemaBaseline.Changes(List.of(), List.of()), changes(DEPLOYED));
  }

  @Test
  void eachBreakIsNamed() {
    String now = """
        1 Chat
          name string
        2 Hello
          text string
        3 Player
          position[] int32
          stats.str uint8
          stats.agi uint8
        4 Refresh
        5 Sync
        """;
    assertEquals(List.of("Chat.text string: gone", "packet 2 was Move and is Hello now: renumbered",
        "Player.position[] was int16 and is int32 now",
        "Player.stats.agi uint8: added, and deployed clients neither write nor read it"), changes(now).breaks());
    assertEquals(List.of("packet 5 (Sync): added"), changes(now).additions());
  }

  @Test
  void aPacketGoneOrOfAnotherKindBreaksButDeclarationOrderIsFree() {
    String now = """
        1 Chat
          name string
          text string
        2 Move
          entity varuint
          y float32
          x float32
        3 Player buffer
        """;
    assertEquals(List.of("packet 3 was 'Player' and is 'Player buffer' now", "packet 4 (Refresh) is gone"),
        changes(now).breaks());
  }

  @Test
  void theBuiltInTableIsWrittenAsDocumentedAndVerifiedAgainstItself(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("packets.schema");
    SchemaBaseline.write(PacketRegistry.of(), file);
    assertTrue(Files.readString(file).endsWith("1 Bundle buffer\n2 Redirect\n  location string\n3 Refresh\n"),
        Files.readString(file));
    assertEquals(new SchemaBaseline.Changes(List.of(), List.of()), SchemaBaseline.verify(PacketRegistry.of(), file));
  }

  @Test
  void aRenumberingFailsWithEachBreakAndHowToAcceptIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("packets.schema");
    Files.writeString(file, "1 Alpha\n  n varuint\n2 Bundle buffer\n3 Redirect\n  location string\n4 Refresh\n");
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> SchemaBaseline.verify(PacketRegistry.of(), file));
    assertTrue(refused.getMessage().contains("packet 1 was Alpha and is Bundle now: renumbered"), refused.getMessage());
    assertTrue(refused.getMessage().contains("packet 2 was Bundle and is Redirect now: renumbered"));
    assertTrue(refused.getMessage().contains("packet 4 (Refresh) is gone"));
    assertTrue(refused.getMessage().contains("-Dpackets.acceptSchemaChange=true"));
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> SchemaBaseline.verify(PacketRegistry.of(), dir.resolve("none")));
    assertTrue(missing.getMessage().startsWith("no packet schema baseline at "), missing.getMessage());
  }

  @Test
  void extensionTypesAreWrittenOnePathEachInWireOrder() {
    List<String> fields = new ArrayList<>();
    SchemaBaseline.fields("", Schemas.object("z", "uint8", "nick", Schemas.optional("string"), "kind",
        Schemas.enumeration("uint8", List.of("PLAYER", "BOT")), "stats", Schemas.map("string", List.of("uint16"))),
        fields);
    assertEquals(List.of("kind enum(uint8:PLAYER,BOT)", "nick? string", "stats{key} string", "stats{value}[] uint16",
        "z uint8"), fields);
  }
}
