package dev.packets.game.node;

import dev.packets.game.sim.EntityState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Who owns each entity of the world: the one record a hand-off is decided in, so that an entity is never lost nor
 * simulated twice, whatever the intercom drops or however late it answers, and a node that was killed finds its
 * entities again when it restarts. An entry is {@code owner;generation,x,y,heading,speed,player}; every change is
 * a compare-and-set on the owner and the generation, so of two racing changes (the neighbour taking an entity, the
 * old owner fencing a hand-off that timed out) exactly one wins.
 *
 * <p>{@link LocalLedger} keeps it in this JVM (nodes on a {@code LocalHub}); {@link RedisLedger} in a Redis hash
 * (nodes in several processes).
 */
public interface Ledger extends AutoCloseable {

  /** What a node finds when it opens its region: its entities, and every id in the world (to pick new ones). */
  record Opened(List<EntityState> entities, Set<Integer> ids) {}

  /**
   * Opens {@code node}'s region: writes each of {@code seed} that the ledger lacks (a new world), drops the node's
   * players (a restarted node has lost their sessions) and gives back what the ledger says {@code node} owns.
   */
  CompletableFuture<Opened> open(String node, List<EntityState> seed);

  /**
   * Entity {@code from} (its id and generation), owned by {@code owner}, becomes {@code to} (of {@code
   * newOwner}, one generation later), if the ledger still says {@code owner} at that generation; completes with
   * whether it did.
   */
  CompletableFuture<Boolean> move(EntityState from, String owner, EntityState to, String newOwner);

  /** A player's new entity, owned by {@code node}. */
  CompletableFuture<Void> add(String node, EntityState player);

  /** Drops entity {@code id} if {@code node} owns it (a player who left). */
  CompletableFuture<Void> remove(String node, int id);

  /** Writes where {@code node}'s entities are now, each only if {@code node} still owns it at its generation. */
  CompletableFuture<Void> checkpoint(String node, List<EntityState> states);

  /** Every entity's owner, by id. */
  CompletableFuture<Map<Integer, String>> owners();

  @Override
  void close();

  /** The entry's text. */
  static String entry(String owner, EntityState state) {
    return owner + ";" + state.text();
  }

  /** What an entry of {@code owner} at {@code generation} starts with. */
  static String prefix(String owner, long generation) {
    return owner + ";" + generation + ",";
  }
}
