package dev.packets.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.Bundle;
import dev.packets.EncodeException;
import dev.packets.PacketRegistry;
import dev.packets.Redirect;
import dev.packets.Refresh;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every intercom transport does: each test starts its own nodes on one shared fabric (a hub, a Redis
 * channel prefix) and closes them afterwards.
 */
public abstract class IntercomContract {
  public static final PacketRegistry REGISTRY = PacketRegistry.of(Position.class);
  static final Duration LONG = Duration.ofSeconds(10);

  private final List<Intercom> nodes = new ArrayList<>();

  /** Starts a node with that id on this test's fabric. */
  protected abstract Intercom start(String id);

  /** Whether payloads and answers pass through the binary codec (and so must be packets or JSON-like). */
  protected abstract boolean binary();

  /** Whether other nodes' questions are answered on the transport's I/O thread (by default, over Redis). */
  protected boolean answersOnIoThread() {
    return false;
  }

  protected final Intercom node(String id) {
    Intercom node = start(id);
    nodes.add(node);
    return node;
  }

  @AfterEach
  void closeNodes() {
    for (Intercom node : nodes) {
      node.close();
    }
  }

  /** Starts the nodes and waits until each of them knows all of them. */
  protected final List<Intercom> cluster(String... ids) {
    List<Intercom> started = new ArrayList<>();
    for (String id : ids) {
      started.add(node(id));
    }
    awaitMembers(started);
    return started;
  }

  protected static void awaitMembers(List<Intercom> nodes) {
    Set<String> all = Set.copyOf(nodes.stream().map(Intercom::self).toList());
    Await.until(Duration.ofSeconds(5), () -> nodes.stream().allMatch(n -> n.members().equals(all)),
        () -> nodes.stream().map(n -> n.self() + " knows " + n.members()).toList().toString());
  }

  static Gathered get(CompletableFuture<Gathered> ask) throws Exception {
    return ask.get(30, TimeUnit.SECONDS);
  }

  @Test
  void asksOneNodeByIdAndOnlyIt() throws Exception {
    List<Intercom> abc = cluster("a", "b", "c");
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    for (Intercom node : abc) {
      node.handle("whoami", (payload, ask) -> {
        asked.incrementAndGet();
        return ask.self() + " for " + ask.from();
      });
    }
    Gathered c = get(abc.get(0).ask("c", "whoami", null, LONG));
    assertEquals(List.of("c"), List.copyOf(c.asked()));
    assertEquals(Map.of("c", "c for a"), c.answers());
    assertTrue(c.complete(), c::toString);
    Gathered self = get(abc.get(0).ask("a", "whoami", null, LONG));
    assertEquals(Map.of("a", "a for a"), self.answers());
    assertEquals(2, asked.get(), "no other node was asked");

    Gathered nobody = get(abc.get(0).ask("zed", "whoami", null, LONG));
    assertEquals(Set.of("zed"), nobody.left(), "a node that is not a member is reported, at once");
    Gathered none = get(abc.get(1).ask("c", "nothing", null, LONG));
    assertEquals(Set.of("c"), none.noHandler());
  }

  @Test
  void publishesToEveryNodeItselfIncludedInOrder() throws Exception {
    List<Intercom> abc = cluster("a", "b", "c");
    Map<String, List<Object>> seen = new java.util.concurrent.ConcurrentHashMap<>();
    for (Intercom node : abc) {
      List<Object> mine = java.util.Collections.synchronizedList(new ArrayList<>());
      seen.put(node.self(), mine);
      node.subscribe("news", (value, from) -> mine.add(from + ":" + value));
    }
    abc.get(2).subscribe("other", (value, from) -> seen.get("c").add("wrong topic"));
    for (int i = 0; i < 20; i++) {
      abc.get(1).publish("news", i).get(10, TimeUnit.SECONDS);
    }
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add("b:" + i);
    }
    Await.until(Duration.ofSeconds(10), () -> seen.values().stream().allMatch(l -> l.size() >= 20), seen::toString);
    for (Intercom node : abc) {
      assertEquals(expected, List.copyOf(seen.get(node.self())), node.self() + " got them all, once, in order");
    }
    abc.get(0).unsubscribe("news");
    abc.get(1).publish("news", "late").get(10, TimeUnit.SECONDS);
    Await.until(Duration.ofSeconds(10), () -> seen.get("c").size() == 21, seen::toString);
    assertEquals(20, seen.get("a").size(), "unsubscribed");
  }

  @Test
  void aPublicationThatCannotBeEncodedFailsAtOnceOnTheWire() throws Exception {
    List<Intercom> ab = cluster("a", "b");
    CompletableFuture<Void> published = ab.get(0).publish("news", new Object());
    if (binary()) {
      java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
          () -> published.get(10, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof RuntimeException, e.toString());
    } else {
      assertNull(published.get(10, TimeUnit.SECONDS), "handed over as it is, in memory");
    }
  }

  @Test
  void anAsksTimeoutNeverRunsTheAskersCallbacksOnTheSharedTimer() throws Exception {
    List<Intercom> ab = cluster("a", "b");
    ab.get(1).handle("never", (payload, ask) -> new CompletableFuture<>());
    java.util.concurrent.atomic.AtomicReference<String> thread = new java.util.concurrent.atomic.AtomicReference<>();
    Gathered gathered = get(ab.get(0).ask("b", "never", null, Duration.ofMillis(100)).thenApply(g -> {
      thread.set(Thread.currentThread().getName());
      return g;
    }));
    assertEquals(Set.of("b"), gathered.timedOut());
    assertTrue(!thread.get().equals("intercom-timer"), "the callback ran on " + thread.get());
  }

  @Test
  void aQuestionThatWaitedPastItsAskersDeadlineIsNotRun() throws Exception {
    List<Intercom> ab = cluster("a", "b");
    java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger();
    ab.get(1).handle("slow", (payload, ask) -> {
      ran.incrementAndGet();
      Thread.sleep(300);
      return "late";
    });
    List<CompletableFuture<Gathered>> asks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      asks.add(ab.get(0).ask("b", "slow", null, Duration.ofMillis(100)));
    }
    for (CompletableFuture<Gathered> ask : asks) {
      assertEquals(Set.of("b"), get(ask).timedOut());
    }
    Thread.sleep(2_500); // six handlers in a row would take 1.8 s
    assertTrue(ran.get() <= 2, ran.get() + " handlers ran for askers that had stopped waiting");
  }

  @Test
  void aNodeIsToldOfEveryNodeThatLeaves() throws Exception {
    List<Intercom> abc = cluster("a", "b", "c");
    List<String> gone = new java.util.concurrent.CopyOnWriteArrayList<>();
    abc.get(0).onLeft(gone::add);
    abc.get(2).close();
    Await.until(Duration.ofSeconds(10), () -> gone.contains("c"), gone::toString);
    assertEquals(List.of("c"), List.copyOf(gone));
  }

  @Test
  void gathersTheAnswersOfEveryNodeItselfIncluded() throws Exception {
    List<Intercom> abc = cluster("a", "b", "c");
    for (Intercom node : abc) {
      node.handle("whoami", (payload, ask) -> ask.self() + " for " + ask.from() + " about " + payload);
    }
    Gathered gathered = get(abc.get(1).ask("whoami", "x", LONG));

    assertEquals(List.of("b", "a", "c"), List.copyOf(gathered.asked()));
    assertEquals(Map.of("a", "a for b about x", "b", "b for b about x", "c", "c for b about x"), gathered.answers());
    assertEquals(List.of("b for b about x", "a for b about x", "c for b about x"), gathered.values());
    assertTrue(gathered.complete());
    assertTrue(gathered.noHandler().isEmpty() && gathered.failed().isEmpty() && gathered.timedOut().isEmpty()
        && gathered.left().isEmpty(), gathered::toString);
    assertEquals("whoami", gathered.type());
  }

  @Test
  void aHandlerKnowsTheAsk() throws Exception {
    List<Intercom> ab = cluster("a", "b");
    for (Intercom node : ab) {
      node.handle("context", (payload, ask) -> List.of(ask.self(), ask.from(), ask.type(),
          (int) ask.timeout().toMillis()));
    }
    Gathered gathered = get(ab.get(1).ask("context", null, Duration.ofMillis(4321)));
    assertEquals(List.of("b", "b", "context", 4321), gathered.answer("b"));
    assertEquals(List.of("a", "b", "context", 4321), gathered.answer("a"));
  }

  @Test
  void startedNodesKnowEachOtherAtOnce() throws Exception {
    Intercom a = node("a");
    Intercom b = node("b");
    Intercom c = node("c");
    for (Intercom node : List.of(a, b, c)) {
      assertEquals(Set.of("a", "b", "c"), node.members(), node.self());
      node.handle("who", (payload, ask) -> ask.self());
    }
    assertEquals(List.of("c", "a", "b"), get(c.ask("who", null, LONG)).values());
  }

  @Test
  void answersOfNothingAreKeptButNotInValues() throws Exception {
    List<Intercom> abc = cluster("a", "b", "c");
    abc.get(0).handle("find", (payload, ask) -> null);
    abc.get(1).handle("find", (payload, ask) -> CompletableFuture.completedFuture(List.of(1, 2)));
    abc.get(2).handle("find", (payload, ask) -> CompletableFuture.supplyAsync(() -> 3));
    Gathered gathered = get(abc.get(0).ask("find", null, LONG));

    assertEquals(Set.of("a", "b", "c"), gathered.answers().keySet());
    assertNull(gathered.answer("a"));
    assertEquals(List.of(List.of(1, 2), 3), gathered.values());
  }

  @Test
  void reportsNodesWithoutAHandler() throws Exception {
    List<Intercom> abc = cluster("a", "b", "c");
    abc.get(0).handle("ping", (payload, ask) -> "pong");
    abc.get(1).handle("ping", (payload, ask) -> "pong");
    Gathered gathered = get(abc.get(0).ask("ping", null, LONG));

    assertEquals(Set.of("c"), gathered.noHandler());
    assertEquals(Set.of("a", "b"), gathered.answers().keySet());
    assertTrue(gathered.timedOut().isEmpty(), gathered::toString);

    abc.get(1).unhandle("ping");
    assertEquals(Set.of("b", "c"), get(abc.get(0).ask("ping", null, LONG)).noHandler());
  }

  @Test
  void reportsHandlersThatThrowOrFail() throws Exception {
    List<Intercom> abc = cluster("a", "b", "c");
    abc.get(0).handle("where", (payload, ask) -> "here");
    abc.get(1).handle("where", (payload, ask) -> {
      throw new IllegalStateException("no entity " + payload);
    });
    abc.get(2).handle("where", (payload, ask) -> CompletableFuture.failedFuture(new ArithmeticException("bad luck")));
    Gathered gathered = get(abc.get(0).ask("where", 7, LONG));

    assertEquals(Map.of("a", "here"), gathered.answers());
    assertEquals(Set.of("b", "c"), gathered.failed().keySet());
    assertTrue(gathered.failed().get("b").contains("IllegalStateException: no entity 7"), gathered::toString);
    assertTrue(gathered.failed().get("c").contains("ArithmeticException: bad luck"), gathered::toString);
  }

  @Test
  void aSlowHandlerTimesOutAndTheOthersAnswersAreKept() throws Exception {
    List<Intercom> abc = cluster("a", "b", "c");
    abc.get(0).handle("slow", (payload, ask) -> "a");
    abc.get(1).handle("slow", (payload, ask) -> "b");
    CompletableFuture<Object> never = new CompletableFuture<>();
    abc.get(2).handle("slow", (payload, ask) -> never);
    long start = System.nanoTime();
    Gathered gathered = get(abc.get(0).ask("slow", null, Duration.ofMillis(300)));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertEquals(Map.of("a", "a", "b", "b"), gathered.answers());
    assertEquals(Set.of("c"), gathered.timedOut());
    assertTrue(millis >= 290, "completed after " + millis + " ms, before the timeout");
    assertTrue(!gathered.complete());
    never.complete("too late");
  }

  @Test
  void aNodeThatJoinsIsAsked() throws Exception {
    List<Intercom> ab = cluster("a", "b");
    for (Intercom node : ab) {
      node.handle("who", (payload, ask) -> ask.self());
    }
    assertEquals(List.of("a", "b"), get(ab.get(0).ask("who", null, LONG)).values());

    Intercom c = node("c").handle("who", (payload, ask) -> ask.self());
    awaitMembers(List.of(ab.get(0), ab.get(1), c));
    assertEquals(List.of("a", "b", "c"), get(ab.get(0).ask("who", null, LONG)).values());
    assertEquals(List.of("c", "a", "b"), get(c.ask("who", null, LONG)).values());
  }

  @Test
  void aNodeThatLeavesMidAskResolvesItEarly() throws Exception {
    List<Intercom> abc = cluster("a", "b", "c");
    abc.get(0).handle("who", (payload, ask) -> "a");
    abc.get(1).handle("who", (payload, ask) -> "b");
    CountDownLatch asked = new CountDownLatch(1);
    abc.get(2).handle("who", (payload, ask) -> {
      asked.countDown();
      return new CompletableFuture<>();
    });
    long start = System.nanoTime();
    CompletableFuture<Gathered> ask = abc.get(0).ask("who", null, Duration.ofSeconds(20));
    assertTrue(asked.await(5, TimeUnit.SECONDS));
    abc.get(2).close();
    Gathered gathered = get(ask);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertEquals(Map.of("a", "a", "b", "b"), gathered.answers());
    assertEquals(Set.of("c"), gathered.left());
    assertTrue(gathered.timedOut().isEmpty(), gathered::toString);
    assertTrue(millis < 5000, "took " + millis + " ms");
    Await.until(Duration.ofSeconds(5), () -> abc.get(0).members().equals(Set.of("a", "b")),
        () -> abc.get(0).members().toString());
  }

  @Test
  void aThousandConcurrentAsks() throws Exception {
    List<Intercom> abc = cluster("a", "b", "c");
    for (Intercom node : abc) {
      node.handle("echo", (payload, ask) -> List.of(ask.self(), payload));
    }
    List<CompletableFuture<Gathered>> asks = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      asks.add(abc.get(i % 3).ask("echo", i, Duration.ofSeconds(20)));
    }
    for (int i = 0; i < 1000; i++) {
      Gathered gathered = get(asks.get(i));
      assertTrue(gathered.complete(), gathered::toString);
      for (String node : List.of("a", "b", "c")) {
        assertEquals(List.of(node, i), gathered.answer(node), "ask " + i);
      }
    }
  }

  @Test
  void jsonLikePayloadsOfEveryKindRoundTrip() throws Exception {
    List<Intercom> abc = cluster("a", "b", "c");
    for (Intercom node : abc) {
      node.handle("echo", (payload, ask) -> payload);
    }
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("null", null);
    nested.put("list", List.of(1, "two", List.of(3.5, false)));
    nested.put("map", Map.of("deep", Map.of("deeper", List.of())));
    List<Object> values = Arrays.asList(true, false, 0, -1, 127, 128, 65535, -32769, Integer.MAX_VALUE,
        Integer.MIN_VALUE, 1L << 40, -(1L << 53), Long.MAX_VALUE, Long.MIN_VALUE, 1.5, -0.25, 1e300,
        Double.MIN_VALUE, "", "héllo ✓ 😀", "x".repeat(60_000), new byte[] {0, 1, 2, (byte) 255}, new byte[0],
        List.of(), Map.of(), nested);
    for (Object value : values) {
      Gathered gathered = get(abc.get(0).ask("echo", value, LONG));
      for (String node : List.of("a", "b", "c")) {
        assertEquals(Canon.of(value), Canon.of(gathered.answer(node)), () -> "echo of " + describe(value) + " by " + node
            + ": " + gathered);
      }
    }
    Gathered nothing = get(abc.get(0).ask("echo", null, LONG));
    assertEquals(3, nothing.answers().size());
    assertTrue(nothing.values().isEmpty());
  }

  private static String describe(Object value) {
    String text = String.valueOf(Canon.of(value));
    return text.length() > 80 ? text.substring(0, 80) + "… (" + text.length() + " chars)" : text;
  }

  @Test
  void packetsRoundTrip() throws Exception {
    List<Intercom> abc = cluster("a", "b", "c");
    for (Intercom node : abc) {
      node.handle("echo", (payload, ask) -> payload);
    }
    for (Object packet : List.of(new Redirect("/lobby"), new Refresh(), Bundle.of(new Redirect("/a"), new Refresh()),
        new Position(7, 1.5f, -2.25f))) {
      Gathered gathered = get(abc.get(0).ask("echo", packet, LONG));
      assertEquals(List.of(packet, packet, packet), gathered.values(), gathered::toString);
      assertInstanceOf(packet.getClass(), gathered.answer("b"));
    }
  }

  @Test
  void aPayloadThatIsNeitherJsonLikeNorAPacketFailsTheAsk() throws Exception {
    Intercom a = cluster("a", "b").get(0);
    a.handle("echo", (payload, ask) -> payload);
    if (!binary()) {
      // the plain local hub hands objects over as they are: the very same object comes back
      Thread self = Thread.currentThread();
      assertEquals(self, get(a.ask("echo", self, LONG)).answer("a"));
      return;
    }
    ExecutionException thread = assertThrows(ExecutionException.class,
        () -> a.ask("echo", Thread.currentThread(), LONG).get(5, TimeUnit.SECONDS));
    assertInstanceOf(EncodeException.class, thread.getCause());
    assertTrue(thread.getCause().getMessage().contains("echo.payload: a java.lang.Thread is not JSON-like"),
        thread.getCause().getMessage());

    ExecutionException list = assertThrows(ExecutionException.class,
        () -> a.ask("echo", List.of(new Redirect("/a"), new Redirect("/b")), LONG).get(5, TimeUnit.SECONDS));
    assertTrue(list.getCause().getMessage().contains("echo.payload: holds the packet Redirect inside a list: send one"
        + " packet, several in a Bundle, or JSON-like values"), list.getCause().getMessage());

    record Stray(int x) {}
    ExecutionException stray = assertThrows(ExecutionException.class,
        () -> a.ask("echo", new Stray(1), LONG).get(5, TimeUnit.SECONDS));
    assertTrue(stray.getCause().getMessage().contains("is not a registered packet"), stray.getCause().getMessage());
  }

  @Test
  void anAnswerThatCannotBeEncodedIsAFailure() throws Exception {
    List<Intercom> ab = cluster("a", "b");
    Object odd = new Object();
    for (Intercom node : ab) {
      node.handle("bad", (payload, ask) -> odd);
    }
    Gathered gathered = get(ab.get(0).ask("bad", null, LONG));
    if (!binary()) {
      // handed over as it is: no codec to refuse it
      assertEquals(odd, gathered.answer("b"));
      return;
    }
    assertEquals(Set.of("a", "b"), gathered.failed().keySet());
    assertTrue(gathered.failed().get("b").contains("cannot encode the answer"), gathered::toString);
  }

  @Test
  void handlersRunOnTheirNodesExecutor() throws Exception {
    List<Intercom> ab = cluster("a", "b");
    for (Intercom node : ab) {
      node.handle("thread", (payload, ask) -> Thread.currentThread().getName());
    }
    Gathered gathered = get(ab.get(0).ask("thread", null, LONG));
    if (answersOnIoThread()) {
      assertEquals(Thread.currentThread().getName(), gathered.answer("a"), "the asker's own answer, on its thread");
      assertTrue(((String) gathered.answer("b")).startsWith("lettuce-"), gathered::toString);
    } else {
      assertEquals("intercom-a", gathered.answer("a"));
      assertEquals("intercom-b", gathered.answer("b"));
    }
  }

  @Test
  void aHandlerThatBlocksOnceRunsOnItsNodesExecutorFromThenOn() throws Exception {
    List<Intercom> ab = cluster("a", "b");
    for (Intercom node : ab) {
      node.handle("slow", (payload, ask) -> {
        Thread.sleep(150);
        return Thread.currentThread().getName();
      });
    }
    Gathered first = get(ab.get(0).ask("slow", null, LONG));
    Gathered second = get(ab.get(0).ask("slow", null, LONG));
    assertEquals("intercom-b", second.answer("b"), () -> first + " then " + second);
    assertEquals("intercom-a", second.answer("a"));
  }

  @Test
  void badArgumentsAreRejected() {
    Intercom a = node("a");
    assertThrows(IllegalArgumentException.class, () -> a.ask("", null, LONG));
    assertThrows(IllegalArgumentException.class, () -> a.ask("t", null, Duration.ZERO));
    assertThrows(NullPointerException.class, () -> a.handle("t", null));
  }

  @Test
  void aClosedNodeCannotAsk() {
    Intercom a = node("a");
    a.close();
    ExecutionException closed = assertThrows(ExecutionException.class,
        () -> a.ask("t", null, LONG).get(5, TimeUnit.SECONDS));
    assertInstanceOf(IntercomException.class, closed.getCause());
    assertTrue(closed.getCause().getMessage().contains("closed"), closed.getCause().getMessage());
  }
}
