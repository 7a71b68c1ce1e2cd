package dev.packets.game.node;

import dev.packets.game.sim.Entity;
import dev.packets.game.sim.EntityState;
import dev.packets.game.sim.World;
import dev.packets.intercom.AskContext;
import dev.packets.intercom.Gathered;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entities crossing borders, both ways. Giving: an entity that walked into a neighbour's region is offered to that
 * node through the intercom ({@value #TAKE}, asked of that node alone); the neighbour moves it in the {@link Ledger}
 * and takes it in. When it answers yes the entity goes from here; when it says no, does not answer in time, or is
 * down, this node fences the hand-off in the ledger (the same compare-and-set, to itself one generation later): if
 * the fence wins, the entity bounces back off the border; if it loses, the neighbour took it after all and it goes.
 * Either way exactly one node ends up with it. Taking: the handler of {@value #TAKE}.
 */
final class Handoffs {
  /** The intercom question: {@code [from node, entity]}, answered true (taken) or false. */
  static final String TAKE = "game:take";
  private static final Logger LOG = LoggerFactory.getLogger(Handoffs.class);

  /** What the node does when one of its players was handed over: tell the client where to go. */
  interface PlayerMoved {
    void moved(int entity, String node);
  }

  private final GameNode node;
  private final Ledger ledger;
  private final Duration timeout;
  private final AtomicLong given = new AtomicLong();
  private final AtomicLong bounced = new AtomicLong();
  private final AtomicLong taken = new AtomicLong();
  private volatile PlayerMoved playerMoved = (entity, to) -> {};
  /** Whether this node takes players in now (false when it is full). */
  private volatile java.util.function.IntPredicate playerRoom = entity -> true;

  Handoffs(GameNode node, Ledger ledger, Duration timeout) {
    this.node = node;
    this.ledger = ledger;
    this.timeout = timeout;
  }

  void onPlayerMoved(PlayerMoved listener) {
    this.playerMoved = listener;
  }

  void playerRoom(java.util.function.IntPredicate room) {
    this.playerRoom = room;
  }

  /** Entities this node handed over. */
  long given() {
    return given.get();
  }

  /** Entities that could not cross and bounced back. */
  long bounced() {
    return bounced.get();
  }

  /** Entities this node took in from its neighbours. */
  long taken() {
    return taken.get();
  }

  /** On the loop thread: {@code e} has just crossed into another region and is leaving. */
  void offer(Entity e, World world) {
    EntityState from = e.state();
    String target = World.nodeName(world.regionOf(e.x()));
    List<Object> question = Arrays.asList(node.name(), from.next().carried());
    node.intercom().ask(target, TAKE, question, timeout).whenComplete((gathered, error) -> {
      if (error == null && Boolean.TRUE.equals(gathered.answer(target))) {
        gone(from, target);
      } else {
        fence(from, target, error != null ? error.toString() : why(gathered, target));
      }
    });
  }

  private static String why(Gathered gathered, String target) {
    if (gathered.answers().containsKey(target)) {
      return "refused";
    }
    if (gathered.timedOut().contains(target)) {
      return "no answer in time";
    }
    if (gathered.failed().containsKey(target)) {
      return "failed: " + gathered.failed().get(target);
    }
    return "not there";
  }

  private void gone(EntityState from, String target) {
    node.call(sim -> {
      if (sim.handedOff(from.id(), from.generation())) {
        given.incrementAndGet();
        node.tracked(from.id(), false);
        if (from.player()) {
          playerMoved.moved(from.id(), target);
        }
      }
      return null;
    });
  }

  /** The neighbour did not take {@code from}: fence the hand-off; retried while the ledger cannot be reached. */
  private void fence(EntityState from, String target, String why) {
    EntityState kept = from.next();
    ledger.move(from, node.name(), kept, node.name()).whenComplete((won, error) -> {
      if (error != null) {
        LOG.warn("node {}: entity {} waits at the border: the ledger cannot be reached ({})", node.name(), from.id(),
            error.toString());
        node.later(Duration.ofSeconds(1), () -> fence(from, target, why));
      } else if (won) {
        LOG.debug("node {}: entity {} stays ({} {})", node.name(), from.id(), target, why);
        node.call(sim -> {
          sim.stay(from.id(), kept.generation());
          bounced.incrementAndGet();
          return null;
        });
      } else {
        gone(from, target); // the neighbour's move won: it has the entity
      }
    });
  }

  /** The {@value #TAKE} handler: moves the entity to this node in the ledger, then into the simulation. */
  Object take(Object payload, AskContext ask, World world, int region) {
    if (!(payload instanceof List<?> q) || q.size() != 2 || !(q.get(0) instanceof String from)
        || !from.equals(ask.from())) {
      return false;
    }
    EntityState state;
    try {
      state = EntityState.from(q.get(1));
    } catch (IllegalArgumentException e) {
      return false;
    }
    int fromRegion = world.regionOfNode(from);
    if (world.regionOf(state.x()) != region || fromRegion < 0 || Math.abs(fromRegion - region) != 1
        || state.generation() == 0 || (state.player() && !playerRoom.test(state.id()))) {
      return false;
    }
    EntityState before = new EntityState(state.id(), state.generation() - 1, 0, 0, 0, 0, state.player());
    CompletableFuture<Object> answer = ledger.move(before, from, state, node.name()).thenCompose(moved -> moved
        ? node.call(sim -> {
          sim.take(state);
          taken.incrementAndGet();
          if (state.player()) {
            node.tracked(state.id(), true);
          }
          return (Object) true;
        })
        : CompletableFuture.completedFuture((Object) false));
    return answer;
  }
}
