package dev.packets.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Waiting for an answer on the I/O thread (the JDK HTTP client's selector thread) fails at once, elsewhere not. */
class ClientFutureTest {
  private static Throwable onThread(String name, Runnable work) throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        work.run();
      } catch (Throwable e) {
        failure.set(e);
      }
    }, name);
    t.start();
    t.join(5_000);
    return failure.get();
  }

  @Test
  void waitingOnTheSelectorThreadFailsAtOnceWithWhatToDoInstead() throws Exception {
    CompletableFuture<Object> answer = new ClientFuture<>();
    CompletableFuture<Object> derived = answer.thenApply(x -> x);
    for (Runnable wait : new Runnable[] {answer::join, derived::join, () -> {
      try {
        derived.get(10, TimeUnit.SECONDS);
      } catch (InterruptedException | java.util.concurrent.ExecutionException | TimeoutException e) {
        throw new IllegalArgumentException(e);
      }
    }}) {
      long started = System.nanoTime();
      Throwable failure = onThread("HttpClient-7-SelectorManager", wait);
      assertTrue(failure instanceof IllegalStateException, String.valueOf(failure));
      assertTrue(failure.getMessage().startsWith("waiting for an answer on the client's I/O thread would stall every "
          + "connection until it timed out: chain the work instead"), failure.getMessage());
      assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2), "at once");
    }
    answer.complete("done");
    assertEquals(null, onThread("HttpClient-7-SelectorManager", derived::join), "a done future is read anywhere");
    assertThrows(IllegalStateException.class, () -> {
      Throwable t = onThread("HttpClient-7-SelectorManager", () -> ClientFuture.checkNotIoThread("connecting"));
      if (t != null) {
        throw (RuntimeException) t;
      }
    });
  }

  @Test
  void anotherThreadMayWait() throws Exception {
    CompletableFuture<Object> answer = new ClientFuture<>();
    Throwable failure = onThread("main-like", () -> {
      try {
        answer.get(50, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        throw new IllegalArgumentException(e);
      }
    });
    assertTrue(failure instanceof IllegalArgumentException && failure.getCause() instanceof TimeoutException,
        String.valueOf(failure));
  }
}
