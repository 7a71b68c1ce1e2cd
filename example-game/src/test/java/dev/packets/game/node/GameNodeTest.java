package dev.packets.game.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.packets.PacketRegistry;
import dev.packets.game.sim.Simulation;
import dev.packets.game.wire.Position;
import dev.packets.game.wire.WhereIs;
import dev.packets.intercom.LocalHub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GameNodeTest {
  private final List<GameNode> nodes = new ArrayList<>();

  @BeforeEach
  void threeNodes() {
    LocalHub hub = LocalHub.binary(PacketRegistry.of(WhereIs.class, Position.class));
    for (int i = 0; i < 3; i++) {
      String name = "node-" + (i + 1);
      nodes.add(new GameNode(name, new Simulation(i, 42, 50), hub.join(name), Duration.ofMillis(500)));
    }
  }

  @AfterEach
  void close() {
    nodes.forEach(n -> {
      n.close();
      n.intercom().close();
    });
  }

  @Test
  void aNodeFindsAnotherNodesEntityThroughTheIntercom() throws Exception {
    int entity = 2 * Simulation.ID_BLOCK + 7;
    Position there = nodes.get(0).whereIs(entity).get(5, TimeUnit.SECONDS);
    Position expected = nodes.get(2).call(sim -> new Position(entity, sim.find(entity).x(), sim.find(entity).y(),
        "node-3")).get(5, TimeUnit.SECONDS);
    assertEquals(expected, there);
  }

  @Test
  void aNodeAnswersItsOwnEntityAtOnce() throws Exception {
    assertEquals("node-1", nodes.get(0).whereIs(3).get(5, TimeUnit.SECONDS).node());
  }

  @Test
  void nobodyHasAnUnknownEntity() throws Exception {
    assertNull(nodes.get(1).whereIs(99_999).get(5, TimeUnit.SECONDS));
  }
}
