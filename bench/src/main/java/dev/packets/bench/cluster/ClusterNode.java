package dev.packets.bench.cluster;

import dev.packets.PacketRegistry;
import dev.packets.intercom.redis.RedisIntercom;
import dev.packets.server.PacketServer;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One node of the cluster broadcast benchmark: a PacketServer on a Redis intercom. The broadcasting node sends a
 * {@link Stamp} to every socket of the cluster from {@code start} to {@code end} (epoch milliseconds), {@code rate}
 * broadcasts a second (0: as fast as it can), after a warm-up, read as one line {@code start end rate warmUpMs} on its
 * standard input, then
 * prints what it sent and what it could not publish.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.packets.bench.cluster.ClusterNode redis://… id port [broadcast]</pre>
 */
public final class ClusterNode {
  static final PacketRegistry PACKETS = PacketRegistry.of(Stamp.class);

  private ClusterNode() {}

  public static void main(String[] args) throws Exception {
    RedisIntercom intercom = RedisIntercom.builder(args[0]).id(args[1]).prefix("bench-cluster")
        .secret("bench-cluster-secret-0123456789").registry(PACKETS).start();
    PacketServer server = PacketServer.builder()
        .host("127.0.0.1")
        .port(Integer.parseInt(args[2]))
        .packets(PACKETS)
        .intercom(intercom)
        .maxConnections(100_000)
        .maxConnectionsPerAddress(100_000)
        .build()
        .start();
    System.out.println("ready " + server.port() + " (packet id " + PACKETS.id(Stamp.class) + ")");
    if (args.length > 3) {
      String[] command = new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine().trim()
          .split(" ");
      long start = Long.parseLong(command[0]);
      long end = Long.parseLong(command[1]);
      int rate = Integer.parseInt(command[2]);
      long warmUp = Long.parseLong(command[3]);
      long sent = broadcast(server, start - warmUp, end, rate);
      System.out.println("{\"sent\":" + sent + ",\"clusterLost\":" + server.metrics().clusterLost()
          + ",\"overflows\":" + server.metrics().outboundOverflows() + "}");
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      intercom.close();
    }));
    Thread.currentThread().join();
  }

  /** Broadcasts from {@code from} (a warm-up before the measured window) until {@code end}; returns how many. */
  private static long broadcast(PacketServer server, long from, long end, int rate) {
    while (System.currentTimeMillis() < from) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    long interval = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / rate;
    long next = System.nanoTime();
    int seq = 0;
    long sent = 0;
    while (System.currentTimeMillis() < end) {
      Instant now = Instant.now();
      server.broadcast(new Stamp(now.getEpochSecond() * 1e6 + now.getNano() / 1000, seq++));
      sent++;
      if (interval > 0) {
        next += interval;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
      }
    }
    return sent;
  }
}
