package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.intercom.redis.RedisIntercom;
import dev.packets.server.TestPackets.Echo;
import dev.packets.testing.RedisServer;
import dev.packets.testing.TcpProxy;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster on a real redis-server when things go wrong: Redis gone (and back) while a client comes back, Redis
 * restarted during a broadcast storm, and a node killed mid-broadcast.
 */
class RedisClusterFaultTest {
  private static final String SECRET = "cluster-fault-secret-1234";
  private static final Duration HEARTBEAT = Duration.ofMillis(100);
  private final List<AutoCloseable> open = new ArrayList<>();
  private RedisServer redis;
  private final java.util.Map<String, RedisIntercom> links = new java.util.concurrent.ConcurrentHashMap<>();

  @BeforeEach
  void startRedis() {
    redis = RedisServer.startOrSkip();
  }

  @AfterEach
  void close() throws Exception {
    Collections.reverse(open);
    for (AutoCloseable c : open) {
      c.close();
    }
    redis.close();
  }

  private RedisIntercom intercom(String id) {
    return RedisIntercom.builder(redis.uri()).id(id).prefix("fault").secret(SECRET).heartbeat(HEARTBEAT)
        .missedHeartbeats(3).maxReconnectDelay(Duration.ofMillis(200)).registry(TestPackets.REGISTRY).start();
  }

  private PacketServer node(String id, ServerBuilder builder) {
    RedisIntercom intercom = intercom(id);
    links.put(id, intercom);
    PacketServer server = builder.intercom(intercom).build().start();
    open.add(() -> {
      server.close();
      intercom.close();
    });
    return server;
  }

  private PacketClient client(int port, List<String> got) {
    PacketClient client = RecoveryTest.reconnecting(port, got);
    open.add(client);
    return client;
  }

  private static void await(BooleanSupplier done, Supplier<Object> state) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(done.getAsBoolean(), () -> String.valueOf(state.get()));
  }

  private static void members(Set<String> expected, PacketServer... servers) throws InterruptedException {
    await(() -> List.of(servers).stream().allMatch(s -> s.intercom().members().equals(expected)),
        () -> List.of(servers).stream().map(s -> s.intercom().members()).toList());
  }

  @Test
  void redisDownWhileAClientComesBackGivesANewSessionAtOnceAndCountsIt() throws Exception {
    PacketServer a = node("a", RecoveryInteropTest.node());
    PacketServer b = node("b", RecoveryInteropTest.node());
    members(Set.of("a", "b"), a, b);
    TcpProxy proxy = new TcpProxy(a.port());
    open.add(proxy);
    PacketClient client = client(proxy.port(), new CopyOnWriteArrayList<>());
    String id = client.socketId();
    proxy.refuse(true);
    proxy.cut();
    await(() -> a.metrics().parked() == 1, () -> a.metrics().snapshot());
    redis.stop();
    await(() -> !links.get("a").connected() && !links.get("b").connected(), () -> "still connected to Redis");
    proxy.target(b.port());
    long back = System.nanoTime();
    proxy.refuse(false);
    await(() -> client.isConnected() && !id.equals(client.socketId()), client::socketId);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
    assertFalse(client.recovered(), "the client is told");
    assertEquals(1, b.metrics().notRecovered(), "and the server counts it");
    assertTrue(millis < Recovery.REMOTE_TIMEOUT.toMillis() + 1000, "a new session after " + millis + " ms");
    assertEquals(1, a.metrics().parked(), "node A still holds it: nothing was handed over into the void");

    // Redis comes back: the new session, dropped again, is recovered across nodes as before
    redis.start();
    members(Set.of("a", "b"), a, b);
    await(() -> links.get("a").connected() && links.get("b").connected(), () -> "not reconnected to Redis");
    String second = client.socketId();
    proxy.refuse(true);
    proxy.cut();
    await(() -> b.metrics().parked() == 1, () -> b.metrics().snapshot());
    proxy.target(a.port());
    proxy.refuse(false);
    await(() -> client.isConnected() && client.recovered(), client::socketId);
    assertEquals(second, client.socketId(), "recovered from node B on node A after Redis restarted");
  }

  @Test
  void redisRestartedDuringABroadcastStormNeitherHangsNorHidesWhatWasLost() throws Exception {
    PacketServer a = node("a", TestPackets.server());
    PacketServer b = node("b", TestPackets.server());
    members(Set.of("a", "b"), a, b);
    List<String> onA = new CopyOnWriteArrayList<>();
    List<String> onB = new CopyOnWriteArrayList<>();
    client(a.port(), onA);
    client(b.port(), onB);
    long slowest = 0;
    int sent = 0;
    long stopAt = 0;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    // broadcast every 2 ms; Redis goes away after 100 broadcasts and comes back 500 ms later
    while (System.nanoTime() < end) {
      long start = System.nanoTime();
      a.broadcast(new Echo("storm " + sent++));
      slowest = Math.max(slowest, System.nanoTime() - start);
      if (sent == 100) {
        redis.stop();
        stopAt = System.nanoTime();
      }
      if (stopAt > 0 && System.nanoTime() - stopAt > TimeUnit.MILLISECONDS.toNanos(500) && !redisBack) {
        redis.start();
        redisBack = true;
      }
      if (redisBack && links.get("a").connected() && onB.contains("storm " + (sent - 1))) {
        break; // the storm gets through again
      }
      Thread.sleep(2);
    }
    int total = sent;
    await(() -> onA.size() == total, () -> onA.size() + " of " + total);
    assertTrue(onB.contains("storm " + (total - 1)), "node B hears the storm again after Redis came back");
    long lost = a.metrics().clusterLost();
    assertTrue(lost > 0, "broadcasts that could not be published during the outage are counted");
    assertTrue(onB.size() + lost >= total, "every broadcast reached B or was counted lost: " + onB.size() + " + "
        + lost + " of " + total);
    assertTrue(slowest < TimeUnit.MILLISECONDS.toNanos(100), "a broadcast call took "
        + TimeUnit.NANOSECONDS.toMillis(slowest) + " ms");
  }

  private volatile boolean redisBack;

  @Test
  void aNodeKilledMidBroadcastLeavesPresenceAfterTheHeartbeatTimeoutAndTheOthersGoOn() throws Exception {
    PacketServer a = node("a", TestPackets.server());
    PacketServer b = node("b", TestPackets.server());
    String java = ProcessHandle.current().info().command()
        .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process x = new ProcessBuilder(java, "-cp", classpath, ServerNodeProcess.class.getName(), redis.uri(), "fault",
        "x", String.valueOf(HEARTBEAT.toMillis()), SECRET).redirectErrorStream(true).start();
    open.add(x::destroyForcibly);
    BufferedReader out = new BufferedReader(new InputStreamReader(x.getInputStream(), StandardCharsets.UTF_8));
    String line;
    List<String> output = new ArrayList<>();
    while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
      output.add(line);
    }
    assertTrue(line != null, "the node process did not start: " + output);
    int xPort = Integer.parseInt(line.substring("READY ".length()));
    Thread drain = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // its log, read so that it never blocks on a full pipe
        }
      } catch (java.io.IOException ignored) {
        // it was killed
      }
    });
    drain.setDaemon(true);
    drain.start();
    members(Set.of("a", "b", "x"), a, b);
    List<String> left = new CopyOnWriteArrayList<>();
    a.cluster().onPresence(new PresenceListener() {
      @Override
      public void joined(String socket, String principal, String node) { }

      @Override
      public void left(String socket, String principal, String node, String reason) {
        left.add(node + ": " + reason);
      }
    });
    List<String> onB = new CopyOnWriteArrayList<>();
    client(b.port(), onB);
    PacketClient onX = PacketClient.connect(URI.create("http://127.0.0.1:" + xPort), TestPackets.REGISTRY,
        ClientOptions.DEFAULT.withReconnect(false));
    open.add(onX);
    await(() -> a.cluster().online().containsValue("x") && a.cluster().online().size() == 2,
        () -> a.cluster().online());

    int sent = 0;
    long killedAt = 0;
    for (; sent < 400; sent++) {
      a.broadcast(new Echo("tick " + sent));
      if (sent == 100) {
        x.destroyForcibly();
        killedAt = System.nanoTime();
      }
      Thread.sleep(5);
    }
    int total = sent;
    await(() -> onB.size() == total, () -> onB.size() + " of " + total);
    await(() -> left.contains("x: node x left"), () -> left);
    long goneMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
    assertEquals(Set.of("b"), Set.copyOf(a.cluster().online().values()), "only B's socket is online");
    assertEquals(Set.of("a", "b"), a.intercom().members());
    assertTrue(goneMillis < 10_000, "x's sockets left presence " + goneMillis + " ms after the kill");
  }
}
