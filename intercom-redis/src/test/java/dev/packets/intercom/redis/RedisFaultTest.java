package dev.packets.intercom.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.packets.PacketRegistry;
import dev.packets.intercom.Await;
import dev.packets.intercom.Gathered;
import dev.packets.intercom.IntercomContract;
import dev.packets.intercom.IntercomException;
import dev.packets.intercom.Position;
import dev.packets.intercom.node.Frame.Kind;
import dev.packets.intercom.node.Frame.Presence;
import dev.packets.intercom.node.Frame.Reply;
import dev.packets.intercom.node.FrameSeal;
import dev.packets.intercom.node.Frames;
import dev.packets.intercom.node.Outcome;
import dev.packets.intercom.node.Payloads;
import dev.packets.testing.FreePort;
import dev.packets.testing.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What Redis intercom nodes do when Redis, a node or a message goes wrong; each test has its own redis-server. */
public final class RedisFaultTest {
  /** The secret the test clusters share. */
  public static final String SECRET = "the test cluster secret";
  private static final Duration HEARTBEAT = Duration.ofMillis(100);

  private RedisServer redis;
  private final List<RedisIntercom> nodes = new ArrayList<>();
  private final List<AutoCloseable> others = new ArrayList<>();

  @BeforeEach
  void startRedis() {
    redis = RedisServer.startOrSkip();
  }

  @AfterEach
  void stopAll() throws Exception {
    for (RedisIntercom node : nodes) {
      node.close();
    }
    for (AutoCloseable other : others) {
      other.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  private RedisIntercom node(String id, String prefix) {
    return node(id, prefix, HEARTBEAT);
  }

  private RedisIntercom node(String id, String prefix, Duration heartbeat) {
    RedisIntercom node = RedisIntercom.builder(redis.uri()).secret(SECRET)
        .id(id)
        .prefix(prefix)
        .heartbeat(heartbeat)
        .missedHeartbeats(3)
        .maxReconnectDelay(Duration.ofMillis(200))
        .start();
    node.handle("who", (payload, ask) -> ask.self());
    nodes.add(node);
    return node;
  }

  /** A Redis client of someone who is no node: it publishes whatever bytes it likes; shut down after the test. */
  private RedisClient mallory() {
    RedisClient client = RedisClient.create(redis.uri());
    others.add(() -> client.shutdown(Duration.ZERO, Duration.ofSeconds(2)));
    return client;
  }

  private static void awaitMembers(Set<String> expected, RedisIntercom... nodes) {
    Await.until(Duration.ofSeconds(10), () -> List.of(nodes).stream().allMatch(n -> n.members().equals(expected)),
        () -> List.of(nodes).stream().map(n -> n.self() + " knows " + n.members()).toList().toString());
  }

  @Test
  void nodesReconnectAfterRedisRestartsAndAsksFailFastMeanwhile() throws Exception {
    RedisIntercom a = node("a", "app");
    RedisIntercom b = node("b", "app");
    RedisIntercom c = node("c", "app");
    awaitMembers(Set.of("a", "b", "c"), a, b, c);
    assertEquals(List.of("a", "b", "c"), a.ask("who", null, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS).values());

    redis.stop();
    Await.until(Duration.ofSeconds(5), () -> !a.connected() && !b.connected(), () -> "still connected");
    long start = System.nanoTime();
    ExecutionException outage = assertThrows(ExecutionException.class,
        () -> a.ask("who", null, Duration.ofSeconds(30)).get(5, TimeUnit.SECONDS));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertInstanceOf(IntercomException.class, outage.getCause());
    assertTrue(outage.getCause().getMessage().contains("cannot ask 'who': Redis at redis://127.0.0.1:" + redis.port()
        + " is unreachable"), outage.getCause().getMessage());
    assertTrue(millis < 1000, "failed after " + millis + " ms");
    Thread.sleep(HEARTBEAT.toMillis() * 5);
    assertEquals(Set.of("a", "b", "c"), a.members(), "a node cut off from Redis does not count the others gone");

    redis.start();
    Await.until(Duration.ofSeconds(10), () -> a.connected() && b.connected() && c.connected(), () -> "not connected");
    awaitMembers(Set.of("a", "b", "c"), a, b, c);
    Await.until(Duration.ofSeconds(10), () -> {
      try {
        return b.ask("who", null, Duration.ofSeconds(2)).get(5, TimeUnit.SECONDS).values()
            .equals(List.of("b", "a", "c"));
      } catch (Exception e) {
        return false;
      }
    }, () -> "b's asks are not answered by every node after Redis came back");
    assertEquals(List.of("a", "b", "c"), a.ask("who", null, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS).values());
  }

  @Test
  void aKilledNodeIsDroppedAfterTheHeartbeatTimeoutAndResolvesAsksWaitingForIt() throws Exception {
    RedisIntercom a = node("a", "app");
    RedisIntercom b = node("b", "app");
    String java = ProcessHandle.current().info().command()
        .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process x = new ProcessBuilder(java, "-cp", classpath, IntercomNodeProcess.class.getName(), redis.uri(), "app",
        "x", String.valueOf(HEARTBEAT.toMillis()))
        .redirectErrorStream(true)
        .start();
    others.add(x::destroyForcibly);
    BufferedReader out = new BufferedReader(new InputStreamReader(x.getInputStream(), StandardCharsets.UTF_8));
    String line;
    List<String> output = new ArrayList<>();
    while ((line = out.readLine()) != null && !line.equals("READY")) {
      output.add(line);
    }
    assertEquals("READY", line, "the node process did not start: " + output);
    awaitMembers(Set.of("a", "b", "x"), a, b);
    Gathered before = a.ask("who", null, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
    assertTrue(String.valueOf(before.answer("x")).startsWith("x in process " + x.pid()), before::toString);

    x.destroyForcibly();
    assertTrue(x.waitFor(10, TimeUnit.SECONDS));
    long killed = System.nanoTime();
    Gathered during = a.ask("who", null, Duration.ofSeconds(20)).get(20, TimeUnit.SECONDS);
    long askMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
    Await.until(Duration.ofSeconds(5), () -> !a.members().contains("x") && !b.members().contains("x"),
        () -> a.members() + " " + b.members());
    long droppedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);

    assertTrue(during.left().contains("x") || !during.asked().contains("x"), during::toString);
    assertEquals(List.of("a", "b"), during.values());
    assertTrue(askMillis < 5000, "the ask waited " + askMillis + " ms for a dead node");
    assertTrue(droppedMillis >= HEARTBEAT.toMillis() && droppedMillis < 5000, "dropped after " + droppedMillis
        + " ms");
  }

  @Test
  void unsealedAndMalformedFramesAreDroppedAndCountedNotLoggedEachTime() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(RedisIntercom.class);
    ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    warnings.start();
    Level level = logger.getLevel();
    logger.setLevel(Level.WARN);
    logger.setAdditive(false);
    logger.addAppender(warnings);
    others.add(() -> {
      logger.detachAppender(warnings);
      logger.setAdditive(true);
      logger.setLevel(level);
    });
    RedisIntercom a = node("a", "app");
    RedisIntercom b = node("b", "app");
    awaitMembers(Set.of("a", "b"), a, b);

    RedisClient client = mallory();
    StatefulRedisConnection<byte[], byte[]> raw = client.connect(ByteArrayCodec.INSTANCE);
    StatefulRedisPubSubConnection<byte[], byte[]> listen = client.connectPubSub(ByteArrayCodec.INSTANCE);
    BlockingQueue<byte[]> toMallory = new LinkedBlockingQueue<>();
    listen.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(byte[] channel, byte[] message) {
        toMallory.add(message);
      }
    });
    listen.sync().subscribe(bytes("app:node:mallory"));

    List<String> garbage = List.of("", "00", "01", "02 01 01 61", "01 09 01 61", "01 01 ff ff ff ff 0f",
        "01 01 01 61 ff ff ff ff ff ff ff ff ff ff ff", "01 05 01 63 00 00", "7b 22 74 79 70 65 22 3a 31 7d");
    FrameSeal seal = FrameSeal.of(SECRET);
    for (String hex : garbage) {
      byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
      raw.sync().publish(bytes("app:all"), bytes);          // not sealed
      raw.sync().publish(bytes("app:node:a"), seal.seal(bytes)); // sealed, but no frame inside
    }
    int expected = garbage.size() * 3 - 1; // the empty frame sealed is refused by the frame reader too, once: 26+1
    Await.until(Duration.ofSeconds(5), () -> a.droppedFrames() + b.droppedFrames() >= expected,
        () -> a.droppedFrames() + " + " + b.droppedFrames() + " dropped of " + expected);
    assertTrue(count(warnings, "dropped a frame") <= 2, "at most one line a minute per node: " + messages(warnings));

    Frames frames = new Frames(new Payloads(PacketRegistry.of()));
    // a sealed frame of the wrong kind is a member's mistake: told, and ignored
    raw.sync().publish(bytes("app:all"), seal.seal(frames.write(new Reply("mallory", 1, Outcome.NoHandler.INSTANCE))));
    // a sealed question whose payload is packet id 99: answered with a clear failure, sealed
    raw.sync().publish(bytes("app:all"), seal.seal(HexFormat.of().parseHex("010107"
        + HexFormat.of().formatHex(bytes("mallory")) + "2a03" + HexFormat.of().formatHex(bytes("who")) + "e807"
        + "026300")));
    Await.until(Duration.ofSeconds(5), () -> count(warnings, "ignored a Reply from mallory on app:all") == 2,
        () -> messages(warnings));
    for (int i = 0; i < 2; i++) {
      byte[] answer = toMallory.poll(5, TimeUnit.SECONDS);
      assertTrue(answer != null, "no answer to mallory's question");
      Reply reply = (Reply) frames.read(seal.open(answer));
      assertEquals(42, reply.ask());
      assertInstanceOf(Outcome.Failed.class, reply.outcome());
      assertTrue(((Outcome.Failed) reply.outcome()).message().contains("unknown packet id 99"), reply.toString());
    }

    assertEquals(List.of("a", "b"), a.ask("who", null, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS).values());
    assertEquals(Set.of("a", "b"), a.members());
    listen.close();
    raw.close();
  }

  @Test
  void forgedHeartbeatsHellosAndRepliesChangeNothing() throws Exception {
    RedisIntercom a = node("a", "app");
    RedisIntercom b = node("b", "app");
    awaitMembers(Set.of("a", "b"), a, b);
    b.handle("who", (payload, ask) -> "the real b");
    RedisClient client = mallory();
    StatefulRedisConnection<byte[], byte[]> raw = client.connect(ByteArrayCodec.INSTANCE);
    Frames frames = new Frames(new Payloads(PacketRegistry.of()));
    FrameSeal other = FrameSeal.of("another cluster's secret");
    long dropped = a.droppedFrames();
    for (int i = 0; i < 50; i++) {
      // invented members, unsealed and sealed with another secret: a HELLO flood that must not grow membership
      raw.sync().publish(bytes("app:all"), frames.write(new Presence("ghost" + i, Kind.HELLO, i, "")));
      raw.sync().publish(bytes("app:all"), other.seal(frames.write(new Presence("ghost" + i, Kind.HEARTBEAT, i, ""))));
      // b's goodbye, forged: b must stay
      raw.sync().publish(bytes("app:all"), frames.write(new Presence("b", Kind.GOODBYE, i, "")));
    }
    // forged answers to whatever a is asking, with guessed ask ids
    CompletableFuture<Gathered> asked = a.ask("who", null, Duration.ofSeconds(2));
    for (long guess = 0; guess < 200; guess++) {
      raw.sync().publish(bytes("app:node:a"), frames.write(new Reply("b", guess, new Outcome.Answer("forged"))));
      raw.sync().publish(bytes("app:node:a"), other.seal(frames.write(new Reply("b", guess,
          new Outcome.Answer("forged")))));
    }
    Gathered gathered = asked.get(5, TimeUnit.SECONDS);
    assertEquals("the real b", gathered.answer("b"), gathered.toString());
    Await.until(Duration.ofSeconds(5), () -> a.droppedFrames() - dropped >= 550,
        () -> (a.droppedFrames() - dropped) + " of 550 forged frames dropped");
    assertEquals(Set.of("a", "b"), a.members(), "no ghost joined, b did not leave");
    raw.close();
  }

  @Test
  void aHelloFloodFromAMemberIsCappedAndAnsweredSparingly() throws Exception {
    RedisIntercom a = RedisIntercom.builder(redis.uri()).secret(SECRET).id("a").prefix("app").heartbeat(HEARTBEAT)
        .maxMembers(5).start();
    nodes.add(a);
    RedisClient client = mallory();
    StatefulRedisConnection<byte[], byte[]> raw = client.connect(ByteArrayCodec.INSTANCE);
    StatefulRedisPubSubConnection<byte[], byte[]> listen = client.connectPubSub(ByteArrayCodec.INSTANCE);
    java.util.concurrent.atomic.AtomicInteger replies = new java.util.concurrent.atomic.AtomicInteger();
    listen.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(byte[] pattern, byte[] channel, byte[] message) {
        replies.incrementAndGet();
      }
    });
    listen.sync().psubscribe(bytes("app:node:ghost*"));
    Frames frames = new Frames(new Payloads(PacketRegistry.of()));
    FrameSeal seal = FrameSeal.of(SECRET);
    for (int i = 0; i < 100; i++) {
      // sealed: as a member gone wrong would send them
      raw.sync().publish(bytes("app:all"), seal.seal(frames.write(new Presence("ghost" + i, Kind.HELLO, i,
          PacketRegistry.of().fingerprint()))));
    }
    Await.until(Duration.ofSeconds(5), () -> a.refusedMembers() >= 95, () -> a.refusedMembers() + " refused");
    Thread.sleep(300);
    assertTrue(a.members().size() <= 6, a.members().toString());
    assertTrue(replies.get() <= 40, replies.get() + " heartbeats sent in answer to 100 HELLOs");
    listen.close();
    raw.close();
  }

  @Test
  void nodesOfDifferentPacketRegistriesRefuseEachOthersPackets() throws Exception {
    RedisIntercom a = RedisIntercom.builder(redis.uri()).secret(SECRET).id("a").prefix("app").heartbeat(HEARTBEAT)
        .registry(IntercomContract.REGISTRY).start();
    nodes.add(a);
    RedisIntercom b = node("b", "app");
    awaitMembers(Set.of("a", "b"), a, b);
    a.handle("echo", (payload, ask) -> payload);
    b.handle("echo", (payload, ask) -> payload);

    Gathered json = a.ask("echo", List.of(1, "x"), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
    assertEquals(List.of(List.of(1, "x"), List.of(1, "x")), json.values(), "JSON-like values still travel");
    Gathered packet = a.ask("echo", new Position(7, 1.5f, 2f), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
    assertEquals(List.of(new Position(7, 1.5f, 2f)), packet.values());
    assertTrue(packet.failed().get("b").contains("packets cannot travel between them"), packet::toString);
    Gathered back = b.ask("echo", new dev.packets.Redirect("/x"), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
    assertTrue(back.failed().get("a").contains("packets cannot travel between them"), back::toString);
  }

  @Test
  void aNodeThatRestartsUnderTheSameIdResolvesAsksWaitingForItsFormerSelf() throws Exception {
    Duration slow = Duration.ofSeconds(1);
    RedisIntercom a = node("a", "app", slow);
    RedisIntercom b = node("b", "app", slow);
    awaitMembers(Set.of("a", "b"), a, b);
    b.handle("who", (payload, ask) -> new java.util.concurrent.CompletableFuture<>());
    var ask = a.ask("who", null, Duration.ofSeconds(20));
    Thread.sleep(50);
    b.abandon();
    long start = System.nanoTime();
    RedisIntercom again = node("b", "app", slow);
    Gathered gathered = ask.get(5, TimeUnit.SECONDS);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertEquals(Set.of("b"), gathered.left());
    assertTrue(millis < 2000, "resolved after " + millis + " ms: at the heartbeat timeout, not at b's HELLO");
    awaitMembers(Set.of("a", "b"), a, again);
    assertEquals(List.of("a", "b"), a.ask("who", null, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS).values());
  }

  @Test
  void twoNodesWithOneIdAreReported() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(RedisIntercom.class);
    ListAppender<ILoggingEvent> errors = new ListAppender<>();
    errors.start();
    logger.setAdditive(false);
    logger.addAppender(errors);
    others.add(() -> {
      logger.detachAppender(errors);
      logger.setAdditive(true);
    });
    node("twin", "app");
    node("twin", "app");
    Await.until(Duration.ofSeconds(5), () -> count(errors, "another node uses this node's id on 'app'") >= 1,
        () -> messages(errors));
  }

  @Test
  void nodesWithAnotherPrefixAreAnotherApplication() throws Exception {
    RedisIntercom a = node("a", "one");
    RedisIntercom b = node("b", "one");
    RedisIntercom c = node("c", "two");
    awaitMembers(Set.of("a", "b"), a, b);
    Thread.sleep(HEARTBEAT.toMillis() * 3);
    assertEquals(Set.of("c"), c.members());
    assertEquals(List.of("a", "b"), a.ask("who", null, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS).values());
    assertEquals(List.of("c"), c.ask("who", null, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS).values());
  }

  @Test
  void aGoodbyeIsHeardAtOnce() throws Exception {
    Duration slow = Duration.ofSeconds(1);
    RedisIntercom a = node("a", "app", slow);
    RedisIntercom b = node("b", "app", slow);
    awaitMembers(Set.of("a", "b"), a, b);
    b.close();
    Await.until(Duration.ofMillis(2000), () -> a.members().equals(Set.of("a")), () -> a.members().toString());
  }

  @Test
  void startingWithoutRedisFailsClearly() throws Exception {
    int port = FreePort.loopback();
    IntercomException e = assertThrows(IntercomException.class,
        () -> RedisIntercom.builder("redis://127.0.0.1:" + port).secret(SECRET).id("lonely").connectTimeout(Duration.ofSeconds(2))
            .start());
    assertTrue(e.getMessage().contains("node lonely cannot connect to Redis at redis://127.0.0.1:" + port),
        e.getMessage());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static long count(ListAppender<ILoggingEvent> appender, String text) {
    synchronized (appender) {
      return appender.list.stream().filter(e -> e.getFormattedMessage().contains(text)).count();
    }
  }

  private static String messages(ListAppender<ILoggingEvent> appender) {
    synchronized (appender) {
      return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList().toString();
    }
  }
}
