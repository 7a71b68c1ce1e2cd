package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.server.TestPackets.Echo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Freeze: no client can stop the threads that push to it (a game loop, a timer) or deadlock the server. Each test
 * pushes from a thread of its own, as a game loop would, while a hostile polling client does its worst, and a
 * bystander keeps sending.
 */
class HostileFreezeTest {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Pushes {@code count} packets to every socket, timing each call; runs on its own thread. */
  private static final class Pusher extends Thread {
    final AtomicLong pushes = new AtomicLong();
    final AtomicLong slowestMicros = new AtomicLong();
    private final PacketServer server;
    private final Object packet;
    private final int count;
    private final long pauseMicros;
    private final AtomicBoolean stop = new AtomicBoolean();

    /** Pushes {@code count} times, pausing {@code pauseMicros} between pushes (a tick rate a reader can follow). */
    Pusher(PacketServer server, Object packet, int count, long pauseMicros) {
      super("test-game-loop");
      setDaemon(true);
      this.server = server;
      this.packet = packet;
      this.count = count;
      this.pauseMicros = pauseMicros;
    }

    @Override
    public void run() {
      for (int i = 0; i < count && !stop.get(); i++) {
        long start = System.nanoTime();
        server.broadcast(packet);
        slowestMicros.accumulateAndGet(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start), Math::max);
        pushes.incrementAndGet();
        java.util.concurrent.locks.LockSupport.parkNanos(pauseMicros * 1000);
      }
    }
  }

  @Test
  void aPollingPostOfBadPacketsWhileTheServerPushesDeadlocksNothing() throws Exception {
    try (PacketServer server = TestPackets.server().rateLimit(100_000, 100_000, 100_000).build().start();
        Bystander bystander = new Bystander(server);
        RawHttp poster = new RawHttp(server.port());
        RawHttp getter = new RawHttp(server.port())) {
      String sid = poster.openPollingSession();
      String path = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
      AtomicBoolean reading = new AtomicBoolean(true);
      Thread reader = new Thread(() -> {
        try {
          while (reading.get()) {
            getter.exchange("GET", path, null, "");
          }
        } catch (Exception e) {
          // the session ended
        }
      });
      reader.setDaemon(true);
      reader.start();
      Pusher pusher = new Pusher(server, new Echo("tick"), 200_000, 200);
      pusher.start();
      StringBuilder bad = new StringBuilder();
      for (int i = 1; i <= 50; i++) {
        bad.append(i > 1 ? "\u001e" : "").append("42").append(i).append("[\"Nope\",").append(i).append(']');
      }
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      int posts = 0;
      while (System.nanoTime() < until) {
        RawHttp.Response answer = poster.exchange("POST", path, bad.toString(), "");
        assertEquals(200, answer.status(), answer.toString());
        posts++;
        assertNull(THREADS.findDeadlockedThreads(), "deadlocked threads");
      }
      long before = pusher.pushes.get();
      Thread.sleep(200);
      assertNull(THREADS.findDeadlockedThreads(), "deadlocked threads");
      assertTrue(pusher.pushes.get() > before || !pusher.isAlive(), "the pusher is stuck after " + before);
      pusher.stop.set(true);
      pusher.join(10_000);
      reading.set(false);
      assertTrue(posts > 3, posts + " posts");
      bystander.assertServed(50, 2_000);
    }
  }

  @Test
  void aPollingClientThatPipelinesGetsAndNeverReadsBlocksNoPusher() throws Exception {
    try (PacketServer server = TestPackets.server().build().start();
        Bystander bystander = new Bystander(server);
        RawHttp stuck = new RawHttp(server.port())) {
      String sid = stuck.openPollingSession();
      String get = "GET /socket.io/?EIO=4&transport=polling&sid=" + sid + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
      stuck.write(get.repeat(2_000));
      Pusher pusher = new Pusher(server, new Echo("x".repeat(20_000)), 1_500, 1_000);
      pusher.start();
      pusher.join(20_000);
      assertTrue(!pusher.isAlive(), "the pusher is blocked after " + pusher.pushes.get() + " pushes");
      assertEquals(1_500, pusher.pushes.get());
      assertTrue(pusher.slowestMicros.get() < 1_000_000, "a push took " + pusher.slowestMicros.get() + " µs");
      assertNull(THREADS.findDeadlockedThreads(), "deadlocked threads");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (server.sockets().size() > 1 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(1, server.sockets().size(), "the stuck socket is closed once over its outbound budget");
      assertTrue(server.metrics().outboundOverflows() >= 1, server.metrics().snapshot().toString());
      bystander.assertServed(20, 2_000);
    }
  }
}
