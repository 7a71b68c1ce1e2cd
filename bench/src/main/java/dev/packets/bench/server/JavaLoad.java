package dev.packets.bench.server;

import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load of {@code bench/node/server-load/load.js}, driven by the Java client: {@code clients} PacketClients in
 * this process, each sending a Move and waiting for its response in a closed loop, for {@code seconds} after a 2 s
 * warm-up. Prints one line of JSON as load.js does: {@code {acks, elapsed, p50, p99, p999, sample, errors}}, latencies
 * in microseconds.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.packets.bench.server.JavaLoad http://127.0.0.1:8080 25 10 [lane|socket.io]</pre>
 *
 * The last argument picks the client's way (the lane by default).
 */
public final class JavaLoad {
  private volatile boolean measuring;
  private volatile boolean running = true;
  private final LongAdder errors = new LongAdder();

  private JavaLoad() {}

  /** One client's closed loop and the latencies it measured (its callbacks run one after another). */
  private final class Loop {
    private final PacketClient client;
    // small at first: a process of thousands of clients would otherwise hold half a megabyte for each
    private long[] latencies = new long[256];
    private int count;

    Loop(PacketClient client) {
      this.client = client;
    }

    void next() {
      long start = System.nanoTime();
      client.send(EchoServer.MOVE).whenComplete((response, error) -> {
        long took = System.nanoTime() - start;
        if (error != null || !"ok".equals(response)) {
          errors.increment();
        } else if (measuring) {
          if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
          }
          latencies[count++] = took;
        }
        if (running) {
          next();
        }
      });
    }
  }

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    int clients = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    ClientOptions.Transport way = args.length > 3 && args[3].equals("socket.io") ? ClientOptions.Transport.SOCKET_IO
        : ClientOptions.Transport.LANE;
    // the reference servers have no packet table of their own: their fingerprint differs from ours
    new JavaLoad().run(url, clients, seconds, ClientOptions.DEFAULT.withReconnect(false).withTransport(way)
        .withRegistryMismatchAllowed(true));
  }

  private void run(URI url, int clients, int seconds, ClientOptions options) throws Exception {
    List<Loop> loops = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      loops.add(new Loop(PacketClient.connect(url, EchoServer.PACKETS, options)));
    }
    loops.forEach(Loop::next);
    Thread.sleep(2000);
    measuring = true;
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    measuring = false;
    double elapsed = (System.nanoTime() - t0) / 1e9;
    running = false;
    Thread.sleep(100);
    long[] all = loops.stream().flatMapToLong(l -> Arrays.stream(l.latencies, 0, l.count)).sorted().toArray();
    System.out.printf("{\"acks\":%d,\"elapsed\":%.3f,\"p50\":%.1f,\"p99\":%.1f,\"p999\":%.1f,\"sample\":%d,\"errors\":%d}%n",
        all.length, elapsed, quantile(all, 0.5), quantile(all, 0.99), quantile(all, 0.999), all.length, errors.sum());
    loops.forEach(l -> l.client.close());
    System.exit(0);
  }

  private static double quantile(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1000.0;
  }
}
