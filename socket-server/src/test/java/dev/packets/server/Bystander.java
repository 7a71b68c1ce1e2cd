package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.server.TestPackets.Move;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A well-behaved client beside an attack: it sends a Move every few milliseconds and measures each answer, so a
 * hostile test can assert that the server kept serving everyone else.
 */
final class Bystander implements AutoCloseable {
  private final PacketClient client;
  private final Thread thread;
  private final List<Long> micros = Collections.synchronizedList(new ArrayList<>());
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean running = true;

  Bystander(PacketServer server) throws Exception {
    client = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()), TestPackets.REGISTRY,
        ClientOptions.DEFAULT);
    thread = new Thread(this::run, "bystander");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    for (int i = 1; running && i < 1_000_000; i++) {
      long start = System.nanoTime();
      try {
        Object answer = client.send(new Move(i, 0, 0)).get(10, TimeUnit.SECONDS);
        if (!("moved " + i + " to 0,0").equals(answer)) {
          throw new AssertionError("bystander got " + answer);
        }
        micros.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
        return;
      }
    }
  }

  /**
   * Waits for at least {@code minAnswers} answers (up to ten seconds), stops, and asserts that every send was
   * answered, with a 99th percentile under {@code p99Millis}.
   */
  void assertServed(int minAnswers, long p99Millis) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (micros.size() < minAnswers && failure.get() == null && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    running = false;
    thread.join(15_000);
    if (failure.get() != null) {
      throw new AssertionError("the bystander failed", failure.get());
    }
    List<Long> sorted;
    synchronized (micros) {
      sorted = new ArrayList<>(micros);
    }
    Collections.sort(sorted);
    assertTrue(sorted.size() >= minAnswers, "the bystander got only " + sorted.size() + " answers");
    long p99 = sorted.get((int) Math.min(sorted.size() - 1, Math.floor(sorted.size() * 0.99)));
    assertTrue(p99 <= p99Millis * 1000, "bystander p99 " + p99 + " µs over " + p99Millis + " ms (" + sorted.size()
        + " answers)");
  }

  @Override
  public void close() {
    running = false;
    client.close();
  }
}
