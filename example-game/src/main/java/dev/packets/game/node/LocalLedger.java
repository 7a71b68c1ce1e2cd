package dev.packets.game.node;

import dev.packets.game.sim.EntityState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The {@link Ledger} of nodes that share one JVM: a map under one lock. */
public final class LocalLedger implements Ledger {
  private final Map<Integer, String> entries = new HashMap<>();

  @Override
  public synchronized CompletableFuture<Opened> open(String node, List<EntityState> seed) {
    for (EntityState s : seed) {
      entries.putIfAbsent(s.id(), Ledger.entry(node, s));
    }
    List<EntityState> mine = new ArrayList<>();
    String prefix = node + ";";
    entries.entrySet().removeIf(e -> e.getValue().startsWith(prefix) && e.getValue().endsWith(",1"));
    entries.forEach((id, value) -> {
      if (value.startsWith(prefix)) {
        mine.add(EntityState.parse(id, value.substring(prefix.length())));
      }
    });
    return CompletableFuture.completedFuture(new Opened(mine, new HashSet<>(entries.keySet())));
  }

  @Override
  public synchronized CompletableFuture<Boolean> move(EntityState from, String owner, EntityState to,
      String newOwner) {
    String value = entries.get(from.id());
    boolean moved = value != null && value.startsWith(Ledger.prefix(owner, from.generation()));
    if (moved) {
      entries.put(to.id(), Ledger.entry(newOwner, to));
    }
    return CompletableFuture.completedFuture(moved);
  }

  @Override
  public synchronized CompletableFuture<Void> add(String node, EntityState player) {
    entries.put(player.id(), Ledger.entry(node, player));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized CompletableFuture<Void> remove(String node, int id) {
    String value = entries.get(id);
    if (value != null && value.startsWith(node + ";")) {
      entries.remove(id);
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized CompletableFuture<Void> checkpoint(String node, List<EntityState> states) {
    for (EntityState s : states) {
      String value = entries.get(s.id());
      if (value != null && value.startsWith(Ledger.prefix(node, s.generation()))) {
        entries.put(s.id(), Ledger.entry(node, s));
      }
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized CompletableFuture<Map<Integer, String>> owners() {
    Map<Integer, String> out = new HashMap<>();
    entries.forEach((id, value) -> out.put(id, value.substring(0, value.indexOf(';'))));
    return CompletableFuture.completedFuture(out);
  }

  @Override
  public void close() {}
}
