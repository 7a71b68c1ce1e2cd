package dev.packets.game.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
  private static final World THREE = new World(3);

  private static List<float[]> positions(Simulation sim) {
    return sim.entities().stream().map(e -> new float[] {e.x(), e.y(), e.heading()}).toList();
  }

  @Test
  void theSameSeedGivesTheSameWorldAtEveryTick() {
    Simulation a = Simulation.seeded(2, THREE, 42, 500);
    Simulation b = Simulation.seeded(2, THREE, 42, 500);
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
  void eachRegionStartsWithItsOwnIdsInsideItself() {
    Simulation zero = Simulation.seeded(0, THREE, 42, 10);
    Simulation one = Simulation.seeded(1, THREE, 42, 10);
    assertEquals(0, zero.entities().iterator().next().id());
    assertEquals(Simulation.ID_BLOCK, one.entities().iterator().next().id());
    assertNull(zero.find(Simulation.ID_BLOCK));
    for (Entity e : one.entities()) {
      assertTrue(e.x() >= 1000 && e.x() < 2000, e.id() + " at " + e.x());
    }
    assertNotEquals(zero.entities().iterator().next().y(), one.entities().iterator().next().y());
  }

  @Test
  void anEntityThatWalksOverABorderIsLeavingAndStandsStill() {
    Simulation sim = new Simulation(0, THREE, 1);
    sim.take(new EntityState(7, 0, 999f, 500f, 0f, 60f, false));
    List<Entity> crossed = List.of();
    for (int tick = 0; tick < 5 && crossed.isEmpty(); tick++) {
      crossed = sim.step();
    }
    assertEquals(1, crossed.size());
    Entity e = crossed.get(0);
    assertTrue(e.leaving());
    assertEquals(1, THREE.regionOf(e.x()));
    float x = e.x();
    sim.step();
    assertEquals(x, e.x(), "a leaving entity waits for the neighbour's answer where it is");
    assertEquals(List.of(), sim.near(1000, 500, 50), "and is not shown (the neighbour may show it already)");
    assertEquals(List.of(7), List.copyOf(sim.census().leaving()));
  }

  @Test
  void anEntityThatCannotCrossBouncesBackWithItsNewGeneration() {
    Simulation sim = new Simulation(0, THREE, 1);
    sim.take(new EntityState(7, 3, 999.9f, 500f, 0f, 60f, true));
    sim.step();
    sim.stay(7, 4);
    Entity e = sim.find(7);
    assertFalse(e.leaving());
    assertEquals(4, e.generation());
    assertTrue(e.x() < 1000, "back inside: " + e.x());
    assertEquals(Math.PI, e.heading(), 1e-5, "heading back west");
    assertFalse(sim.handedOff(7, 4), "only a leaving entity is handed off");
  }

  @Test
  void aHandedOffEntityGoesOnlyAtItsGeneration() {
    Simulation sim = new Simulation(2, THREE, 1);
    sim.take(new EntityState(9, 5, 2000.5f, 10f, (float) Math.PI, 100f, false));
    assertEquals(1, sim.step().size());
    assertFalse(sim.handedOff(9, 4));
    assertTrue(sim.handedOff(9, 5));
    assertNull(sim.find(9));
  }

  @Test
  void everyoneStaysInsideTheWorld() {
    Simulation sim = Simulation.seeded(0, new World(1), 7, 300);
    for (int tick = 0; tick < 2000; tick++) {
      assertEquals(List.of(), sim.step(), "a world of one region has no borders to cross");
    }
    for (Entity e : sim.entities()) {
      assertTrue(e.x() >= 0 && e.x() <= 1000 && e.y() >= 0 && e.y() <= World.HEIGHT,
          () -> "entity " + e.id() + " at " + e.x() + "," + e.y());
    }
  }

  @Test
  void playersMoveWhereTheySteer() {
    Simulation sim = new Simulation(1, THREE, 1);
    Entity player = sim.join(1500, 500);
    assertTrue(Simulation.isPlayer(player.id()));
    assertEquals(Simulation.ID_BLOCK + Simulation.FIRST_PLAYER, player.id());
    sim.steer(player.id(), 0f, 20f);
    for (int tick = 0; tick < Simulation.TICK_HZ; tick++) {
      sim.step();
    }
    assertEquals(1520f, player.x(), 0.01);
    assertEquals(500f, player.y(), 0.01);
    assertThrows(IllegalArgumentException.class, () -> sim.steer(12345, 0f, 1f));
    assertThrows(IllegalArgumentException.class, () -> sim.join(500, 500), "not in region 1");
    assertTrue(sim.leave(player.id()));
    assertNull(sim.find(player.id()));
  }

  @Test
  void theWorldKnowsItsRegions() {
    assertEquals(3000f, THREE.width());
    assertEquals(0, THREE.regionOf(-5));
    assertEquals(1, THREE.regionOf(1000));
    assertEquals(2, THREE.regionOf(3000));
    assertEquals(2, THREE.regionOfNode("node-3"));
    assertEquals(-1, THREE.regionOfNode("node-4"));
    assertEquals(-1, THREE.regionOfNode("nodes"));
    assertThrows(IllegalArgumentException.class, () -> new World(9));
  }
}
