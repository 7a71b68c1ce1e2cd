package dev.packets.game.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.game.sim.EntityState;
import dev.packets.game.sim.Simulation;
import dev.packets.game.sim.World;
import dev.packets.intercom.Intercom;
import dev.packets.intercom.LocalHub;
import dev.packets.intercom.redis.RedisIntercom;
import dev.packets.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Entities crossing borders between three nodes, thousands of times, with one node killed and started again
 * meanwhile: at every consistent cut each entity is simulated by exactly one node (or is on its way out of one),
 * the ledger agrees with the simulations, and the world's count never changes.
 */
class HandoffTest {
  static final World WORLD = new World(3);
  static final int PER_NODE = 1000;
  private final List<GameNode> nodes = new ArrayList<>();
  /** Every node started, the killed one included, for their hand-off counts. */
  private static final List<GameNode> STARTED = new java.util.concurrent.CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    for (GameNode node : nodes) {
      if (node != null) {
        node.close();
        node.intercom().close();
      }
    }
  }

  /**
   * Fast entities close to their region's edges, heading out of it, so that most cross a border within a second
   * and then every few seconds.
   */
  static List<EntityState> racers(int region) {
    SplittableRandom random = new SplittableRandom(region);
    List<EntityState> out = new ArrayList<>();
    for (int i = 0; i < PER_NODE; i++) {
      boolean east = random.nextBoolean();
      float x = east ? WORLD.right(region) - 1 - random.nextFloat() * 150 : WORLD.left(region) + 1
          + random.nextFloat() * 150;
      out.add(new EntityState(region * Simulation.ID_BLOCK + i, 0, x, random.nextFloat() * World.HEIGHT,
          east ? 0f : (float) Math.PI, Simulation.MAX_SPEED, false));
    }
    return out;
  }

  static Set<Integer> allIds() {
    Set<Integer> ids = new HashSet<>();
    for (int r = 0; r < 3; r++) {
      for (int i = 0; i < PER_NODE; i++) {
        ids.add(r * Simulation.ID_BLOCK + i);
      }
    }
    return ids;
  }

  /**
   * Checks one cut: no entity simulated by two nodes; every entity held by a live node or, when {@code down} is
   * not null, owned in the ledger by that node; each simulated entity's ledger owner is its node.
   */
  static void check(Census census, List<String> names, String down, Set<Integer> all) {
    Set<Integer> owned = new HashSet<>();
    Set<Integer> held = new HashSet<>();
    for (int i = 0; i < census.nodes().size(); i++) {
      for (int id : census.nodes().get(i).owned()) {
        assertTrue(owned.add(id), "entity " + id + " simulated by two nodes");
        assertEquals(names.get(i), census.ledger().get(id), "the ledger's owner of entity " + id);
      }
      held.addAll(census.nodes().get(i).owned());
      held.addAll(census.nodes().get(i).leaving());
    }
    if (down != null) {
      census.ledger().forEach((id, owner) -> {
        if (owner.equals(down)) {
          assertTrue(!owned.contains(id), "entity " + id + " owned by " + down + " (down) and simulated elsewhere");
          held.add(id);
        }
      });
    }
    assertEquals(all, held, "every entity of the world, once");
    assertEquals(all.size(), census.ledger().size(), "the ledger's count");
  }

  static long handoffs() {
    return STARTED.stream().mapToLong(n -> n.handoffCounts()[0]).sum();
  }

  static GameNode started(GameNode node) {
    STARTED.add(node);
    return node;
  }

  /**
   * Runs the world for a while with node 2 killed and started again in the middle: {@code join} makes a node's
   * intercom, {@code ledgerOf} its line to the ledger.
   */
  static long run(List<GameNode> nodes, Function<String, Intercom> join, Function<String, Ledger> ledgerOf,
      Ledger reader, long seconds) throws Exception {
    List<String> names = List.of("node-1", "node-2", "node-3");
    STARTED.clear();
    for (int i = 0; i < 3; i++) {
      nodes.add(started(new GameNode(new Simulation(i, WORLD, 1), join.apply(names.get(i)),
          ledgerOf.apply(names.get(i)), Duration.ofMillis(300)).start(racers(i))));
    }
    Set<Integer> all = allIds();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    long kill = System.nanoTime() + seconds * 1_000_000_000L / 3;
    long restart = System.nanoTime() + seconds * 1_000_000_000L * 2 / 3;
    int cuts = 0;
    long killedAt = -1;
    while (System.nanoTime() < deadline) {
      Thread.sleep(100);
      GameNode second = nodes.get(1);
      if (second != null && System.nanoTime() > kill && killedAt < 0) {
        second.close();
        second.intercom().close();
        nodes.set(1, null);
        killedAt = handoffs();
      } else if (second == null && System.nanoTime() > restart) {
        nodes.set(1, started(new GameNode(new Simulation(1, WORLD, 1), join.apply("node-2"),
            ledgerOf.apply("node-2"), Duration.ofMillis(300)).start(racers(1))));
      }
      List<GameNode> live = nodes.stream().filter(n -> n != null).toList();
      List<String> liveNames = live.stream().map(GameNode::name).toList();
      check(Census.take(live, reader), liveNames, nodes.get(1) == null ? "node-2" : null, all);
      cuts++;
    }
    assertTrue(cuts > 20, cuts + " cuts");
    long bounced = STARTED.stream().mapToLong(n -> n.handoffCounts()[1]).sum();
    System.out.printf("%d hand-offs, %d bounced (node-2 down a third of the time), %d consistent cuts checked%n",
        handoffs(), bounced, cuts);
    assertTrue(bounced > 0, "entities bounced off the border of the node that was down");
    return handoffs();
  }

  @Test
  void overRedisTooWithTheKilledNodeFindingItsEntitiesInTheLedger() throws Exception {
    try (RedisServer redis = RedisServer.startOrSkip()) {
      String uri = "redis://127.0.0.1:" + redis.port();
      List<Ledger> ledgers = new ArrayList<>();
      Function<String, Ledger> ledgerOf = name -> {
        RedisLedger ledger = new RedisLedger(uri, "handoff-test");
        ledgers.add(ledger);
        return ledger;
      };
      try {
        Ledger reader = ledgerOf.apply("reader");
        long handoffs = run(nodes, name -> RedisIntercom.builder(uri).id(name).registry(GameServer.PACKETS)
            .insecure().start(), ledgerOf, reader, 15);
        assertTrue(handoffs > 2000, handoffs + " hand-offs");
      } finally {
        stop();
        nodes.clear();
        ledgers.forEach(Ledger::close);
      }
    }
  }

  /** A ledger whose takes by {@code slow} come late: after the giver's ask timed out. */
  private static Ledger slowFor(String slow, Ledger ledger) {
    return new Ledger() {
      @Override
      public java.util.concurrent.CompletableFuture<Opened> open(String node, List<EntityState> seed) {
        return ledger.open(node, seed);
      }

      @Override
      public java.util.concurrent.CompletableFuture<Boolean> move(EntityState from, String owner, EntityState to,
          String newOwner) {
        if (!newOwner.equals(slow) || owner.equals(newOwner)) {
          return ledger.move(from, owner, to, newOwner);
        }
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> null,
            java.util.concurrent.CompletableFuture.delayedExecutor(600, java.util.concurrent.TimeUnit.MILLISECONDS))
            .thenCompose(v -> ledger.move(from, owner, to, newOwner));
      }

      @Override
      public java.util.concurrent.CompletableFuture<Void> add(String node, EntityState player) {
        return ledger.add(node, player);
      }

      @Override
      public java.util.concurrent.CompletableFuture<Void> remove(String node, int id) {
        return ledger.remove(node, id);
      }

      @Override
      public java.util.concurrent.CompletableFuture<Void> checkpoint(String node, List<EntityState> states) {
        return ledger.checkpoint(node, states);
      }

      @Override
      public java.util.concurrent.CompletableFuture<java.util.Map<Integer, String>> owners() {
        return ledger.owners();
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void aHandoffAnsweredTooLateIsFencedAndTheLateTakerDoesNotKeepTheEntity() throws Exception {
    LocalHub hub = LocalHub.binary(GameServer.PACKETS);
    LocalLedger ledger = new LocalLedger();
    World two = new World(2);
    EntityState runner = new EntityState(7, 0, 995f, 500f, 0f, Simulation.MAX_SPEED, false);
    nodes.add(new GameNode(new Simulation(0, two, 1), hub.join("node-1"), ledger, Duration.ofMillis(300))
        .start(List.of(runner)));
    nodes.add(new GameNode(new Simulation(1, two, 1), hub.join("node-2"), slowFor("node-2", ledger),
        Duration.ofMillis(300)).start(List.of()));
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (nodes.get(0).handoffCounts()[1] == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(1, nodes.get(0).handoffCounts()[1], "node 1 gave up waiting, fenced the hand-off and kept it");
    Thread.sleep(800); // node 2's take arrives at the ledger now, and loses
    Census census = Census.take(nodes, ledger);
    assertEquals(Set.of(7), census.nodes().get(0).owned());
    assertEquals(Set.of(), census.nodes().get(1).owned(), "the late taker did not keep it");
    assertEquals("node-1", census.ledger().get(7));
    assertEquals(0, nodes.get(1).handoffCounts()[2]);
  }

  @Test
  void everyEntityIsSimulatedOnceThroughThousandsOfHandoffsAndANodeRestart() throws Exception {
    LocalHub hub = LocalHub.binary(GameServer.PACKETS);
    LocalLedger ledger = new LocalLedger();
    long handoffs = run(nodes, hub::join, name -> ledger, ledger, 15);
    assertTrue(handoffs > 2000, handoffs + " hand-offs");
  }
}
