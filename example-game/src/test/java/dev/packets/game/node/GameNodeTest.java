package dev.packets.game.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.packets.game.sim.Simulation;
import dev.packets.game.sim.World;
import dev.packets.game.wire.Position;
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
    LocalHub hub = LocalHub.binary(GameServer.PACKETS);
    World world = new World(3);
    LocalLedger ledger = new LocalLedger();
    for (int i = 0; i < 3; i++) {
      GameNode node = new GameNode(new Simulation(i, world, 42), hub.join(World.nodeName(i)), ledger,
          Duration.ofMillis(500));
      // standing still, so that none crosses a border during the test
      nodes.add(node.start(Simulation.firstEntities(i, world, 42, 50).stream()
          .map(s -> new dev.packets.game.sim.EntityState(s.id(), 0, s.x(), s.y(), 0, 0, false)).toList()));
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

  @Test
  void eachNodeKnowsTheOthersPositionsATickLate() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (nodes.get(0).othersNow().size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    List<Integer> numbers = nodes.get(0).othersNow().stream().map(s -> s.node()).sorted().toList();
    assertEquals(List.of(2, 3), numbers);
    assertEquals(50, nodes.get(0).othersNow().get(0).spots().size());
  }
}
