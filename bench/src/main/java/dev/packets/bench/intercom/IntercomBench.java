package dev.packets.bench.intercom;

import dev.packets.PacketRegistry;
import dev.packets.intercom.Gathered;
import dev.packets.intercom.Intercom;
import dev.packets.intercom.LocalHub;
import dev.packets.intercom.redis.RedisIntercom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks every node "where" with {@code inflight} asks outstanding, for a fixed time, and prints asks/s and ask latency.
 *
 * <pre>
 * IntercomBench local &lt;inflight&gt; &lt;seconds&gt;            three nodes in this JVM
 * IntercomBench answer &lt;redis-uri&gt; &lt;id&gt;                 a node that answers (its own process)
 * IntercomBench redis &lt;redis-uri&gt; &lt;inflight&gt; &lt;seconds&gt;  the asking node; waits for 3 members
 * </pre>
 */
public final class IntercomBench {
  static final PacketRegistry PACKETS = PacketRegistry.of();
  /** The benchmark cluster's secret: every frame is sealed, as in production. */
  static final String SECRET = "the benchmark cluster secret";
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private IntercomBench() {}

  static Object answer(Object payload) {
    return Map.of("entity", payload, "x", 1.5, "y", 2);
  }

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "local" -> {
        LocalHub hub = LocalHub.create();
        List<Intercom> nodes = new ArrayList<>();
        for (String id : new String[] {"one", "two", "three"}) {
          nodes.add(hub.join(id).handle("where", (p, ask) -> answer(p)));
        }
        run("packets-local", nodes.get(0), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        nodes.forEach(Intercom::close);
      }
      case "answer" -> {
        Intercom node = RedisIntercom.builder(args[1]).secret(SECRET).id(args[2]).registry(PACKETS).start()
            .handle("where", (p, ask) -> answer(p));
        System.out.println("ready");
        Runtime.getRuntime().addShutdownHook(new Thread(node::close));
        Thread.currentThread().join();
      }
      case "redis" -> {
        try (Intercom node = RedisIntercom.builder(args[1]).secret(SECRET).id("asker").registry(PACKETS).start()
            .handle("where", (p, ask) -> answer(p))) {
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          while (node.members().size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
          }
          run("packets-redis", node, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        }
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
    System.exit(0);
  }

  private static void run(String name, Intercom asker, int inflight, int seconds) throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicBoolean measuring = new AtomicBoolean(false);
    long[] latencies = new long[50_000_000 / Math.max(1, 64 / inflight)];
    int[] count = {0};
    long[] answers = {0};
    List<CompletableFuture<Void>> loops = new ArrayList<>();
    for (int i = 0; i < inflight; i++) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      loops.add(done);
      ask(asker, running, measuring, latencies, count, answers, done);
    }
    Thread.sleep(2000);
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    measuring.set(false);
    double elapsed = (System.nanoTime() - start) / 1e9;
    running.set(false);
    CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    int n;
    synchronized (latencies) {
      n = count[0];
    }
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    System.out.printf("{\"name\":\"%s\",\"inflight\":%d,\"asksPerSec\":%d,\"p50us\":%d,\"p99us\":%d,"
        + "\"p999us\":%d,\"answersPerAsk\":%.2f}%n", name, inflight, Math.round(n / elapsed), sorted[n / 2] / 1000,
        sorted[(int) (n * 0.99)] / 1000, sorted[(int) (n * 0.999)] / 1000, (double) answers[0] / n);
  }

  private static void ask(Intercom asker, AtomicBoolean running, AtomicBoolean measuring, long[] latencies,
      int[] count, long[] answers, CompletableFuture<Void> done) {
    if (!running.get()) {
      done.complete(null);
      return;
    }
    long t0 = System.nanoTime();
    asker.ask("where", 7, TIMEOUT).whenComplete((Gathered g, Throwable e) -> {
      if (measuring.get() && e == null) {
        synchronized (latencies) {
          if (count[0] < latencies.length) {
            latencies[count[0]++] = System.nanoTime() - t0;
            answers[0] += g.values().size();
          }
        }
      }
      ask(asker, running, measuring, latencies, count, answers, done);
    });
  }
}
