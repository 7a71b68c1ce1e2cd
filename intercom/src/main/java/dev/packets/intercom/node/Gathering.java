package dev.packets.intercom.node;

import dev.packets.intercom.Gathered;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One ask in flight on the asking node: the nodes asked, the outcomes so far, and the future that completes when
 * the last node is accounted for (answered, left) or at the timeout, whichever comes first.
 */
public final class Gathering {
  private final long id;
  private final String type;
  private final Set<String> asked;
  private final Map<String, Outcome> outcomes = new HashMap<>();
  private final Set<String> left = new LinkedHashSet<>();
  private final CompletableFuture<Gathered> future = new CompletableFuture<>();
  private boolean done;
  private ScheduledFuture<?> timer;

  /** {@code self} first, then {@code peers} in their order. */
  public Gathering(long id, String type, String self, Collection<String> peers) {
    this(id, type, java.util.stream.Stream.concat(java.util.stream.Stream.of(self), peers.stream()).toList());
  }

  /** Exactly {@code asked}, in their order. */
  public Gathering(long id, String type, Collection<String> asked) {
    this.id = id;
    this.type = type;
    this.asked = new LinkedHashSet<>(asked);
  }

  public long id() {
    return id;
  }

  public CompletableFuture<Gathered> future() {
    return future;
  }

  public synchronized void timer(ScheduledFuture<?> timer) {
    if (done) {
      timer.cancel(false);
    } else {
      this.timer = timer;
    }
  }

  /** Records how {@code node} answered; ignored if it was not asked or is already accounted for. */
  public void offer(String node, Outcome outcome) {
    Gathered result;
    synchronized (this) {
      if (done || !asked.contains(node) || outcomes.containsKey(node) || left.contains(node)) {
        return;
      }
      outcomes.put(node, outcome);
      result = finishIfComplete();
    }
    complete(result);
  }

  /** {@code node} left: if it was asked and has not answered, it will not. */
  public void left(String node) {
    Gathered result;
    synchronized (this) {
      if (done || !asked.contains(node) || outcomes.containsKey(node)) {
        return;
      }
      left.add(node);
      result = finishIfComplete();
    }
    complete(result);
  }

  /** The time is up: whoever has not answered timed out. */
  public void timeout() {
    Gathered result;
    synchronized (this) {
      if (done) {
        return;
      }
      result = finish();
    }
    complete(result);
  }

  /** The ask cannot go on (transport down, node closed). */
  public void fail(Throwable error) {
    synchronized (this) {
      if (done) {
        return;
      }
      done = true;
      cancelTimer();
    }
    future.completeExceptionally(error);
  }

  private Gathered finishIfComplete() {
    return outcomes.size() + left.size() == asked.size() ? finish() : null;
  }

  private Gathered finish() {
    done = true;
    cancelTimer();
    Map<String, Object> answers = new LinkedHashMap<>();
    Set<String> noHandler = new LinkedHashSet<>();
    Map<String, String> failed = new LinkedHashMap<>();
    List<String> timedOut = new ArrayList<>();
    for (String node : asked) {
      Outcome outcome = outcomes.get(node);
      if (outcome instanceof Outcome.Answer answer) {
        answers.put(node, answer.value());
      } else if (outcome instanceof Outcome.Failed f) {
        failed.put(node, f.message());
      } else if (outcome instanceof Outcome.NoHandler) {
        noHandler.add(node);
      } else if (!left.contains(node)) {
        timedOut.add(node);
      }
    }
    return new Gathered(type, asked, answers, noHandler, failed, new LinkedHashSet<>(timedOut), left);
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  private void complete(Gathered result) {
    if (result != null) {
      future.complete(result);
    }
  }
}
