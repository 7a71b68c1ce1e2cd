package dev.packets.game.node;

import dev.packets.game.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A consistent cut of the world: every live node's loop is stopped at one barrier at the same moment (so no
 * simulation changes), each node counts what it holds, and the ledger is read while they all wait.
 */
record Census(List<Simulation.Census> nodes, Map<Integer, String> ledger) {

  static Census take(List<GameNode> live, Ledger ledger) throws Exception {
    AtomicReference<Map<Integer, String>> owners = new AtomicReference<>();
    CyclicBarrier all = new CyclicBarrier(live.size(), () -> owners.set(ledger.owners().join()));
    CyclicBarrier after = new CyclicBarrier(live.size());
    List<CompletableFuture<Simulation.Census>> counts = new ArrayList<>();
    for (GameNode node : live) {
      counts.add(node.call(sim -> {
        try {
          all.await(10, TimeUnit.SECONDS);
          Simulation.Census census = sim.census();
          after.await(10, TimeUnit.SECONDS);
          return census;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    List<Simulation.Census> out = new ArrayList<>();
    for (CompletableFuture<Simulation.Census> count : counts) {
      out.add(count.get(20, TimeUnit.SECONDS));
    }
    return new Census(out, owners.get());
  }
}
