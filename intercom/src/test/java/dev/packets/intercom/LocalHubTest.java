package dev.packets.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the in-process hub adds to the contract: ids, executors and membership. */
final class LocalHubTest {
  @Test
  void anIdIsTakenOnlyOnceAtATime() {
    LocalHub hub = LocalHub.create();
    Intercom one = hub.join("one");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hub.join("one"));
    assertEquals("node 'one' is already a member of this hub", e.getMessage());
    one.close();
    hub.join("one").close();
    assertThrows(IllegalArgumentException.class, () -> hub.join(""));
  }

  @Test
  void handlersRunOnTheExecutorTheNodeWasGiven() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "game-loop"));
    try {
      LocalHub hub = LocalHub.binary(IntercomContract.REGISTRY);
      Intercom one = hub.join("one", pool);
      Intercom two = hub.join("two");
      one.handle("thread", (payload, ask) -> Thread.currentThread().getName());
      two.handle("thread", (payload, ask) -> Thread.currentThread().getName());
      Gathered gathered = two.ask("thread", null, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
      assertEquals("game-loop", gathered.answer("one"));
      assertEquals("intercom-two", gathered.answer("two"));
      assertEquals(Set.of("one", "two"), hub.members());
      one.close();
      two.close();
      assertEquals(Set.of(), hub.members());
      assertTrue(!pool.isShutdown(), "a node does not stop an executor it was given");
    } finally {
      pool.shutdown();
    }
  }
}
