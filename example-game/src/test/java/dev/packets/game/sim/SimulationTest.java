package dev.packets.game.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

  private static List<float[]> positions(Simulation sim) {
    return sim.entities().stream().map(e -> new float[] {e.x(), e.y(), e.heading()}).toList();
  }

  @Test
  void theSameSeedGivesTheSameWorldAtEveryTick() {
    Simulation a = new Simulation(2, 42, 500);
    Simulation b = new Simulation(2, 42, 500);
    for (int tick = 0; tick < 200; tick++) {
      a.step();
      b.step();
    }
    List<float[]> pa = positions(a);
    List<float[]> pb = positions(b);
    assertEquals(500, pa.size());
    for (int i = 0; i < pa.size(); i++) {
      assertEquals(pa.get(i)[0], pb.get(i)[0]);
      assertEquals(pa.get(i)[1], pb.get(i)[1]);
      assertEquals(pa.get(i)[2], pb.get(i)[2]);
    }
    assertEquals(200, a.tick());
  }

  @Test
  void nodesOwnDisjointIdsAndDifferentWorlds() {
    Simulation zero = new Simulation(0, 42, 10);
    Simulation one = new Simulation(1, 42, 10);
    assertEquals(0, zero.entities().iterator().next().id());
    assertEquals(Simulation.ID_BLOCK, one.entities().iterator().next().id());
    assertNull(zero.find(Simulation.ID_BLOCK));
    assertNotEquals(zero.entities().iterator().next().x(), one.entities().iterator().next().x());
  }

  @Test
  void everyoneStaysInsideTheWorld() {
    Simulation sim = new Simulation(0, 7, 300);
    for (int tick = 0; tick < 2000; tick++) {
      sim.step();
    }
    for (Entity e : sim.entities()) {
      assertTrue(e.x() >= 0 && e.x() <= Simulation.WORLD && e.y() >= 0 && e.y() <= Simulation.WORLD,
          () -> "entity " + e.id() + " at " + e.x() + "," + e.y());
    }
  }

  @Test
  void playersMoveWhereTheySteer() {
    Simulation sim = new Simulation(0, 1, 0);
    Entity player = sim.join();
    sim.steer(player.id(), 0f, 20f);
    for (int tick = 0; tick < Simulation.TICK_HZ; tick++) {
      sim.step();
    }
    assertEquals(Simulation.WORLD / 2 + 20f, player.x(), 0.01);
    assertEquals(Simulation.WORLD / 2, player.y(), 0.01);
    assertThrows(IllegalArgumentException.class, () -> sim.steer(12345, 0f, 1f));
    sim.leave(player.id());
    assertNull(sim.find(player.id()));
  }
}
