package dev.packets.intercom.redis;

import dev.packets.PacketRegistry;
import dev.packets.intercom.Gathered;
import dev.packets.intercom.Handler;
import dev.packets.intercom.Intercom;
import dev.packets.intercom.IntercomException;
import dev.packets.intercom.Subscriber;
import dev.packets.intercom.node.Frame.Kind;
import dev.packets.intercom.node.Frame.Presence;
import dev.packets.intercom.node.Frame.Publication;
import dev.packets.intercom.node.Frame.Reply;
import dev.packets.intercom.node.Frame.Request;
import dev.packets.intercom.node.Frame;
import dev.packets.intercom.node.FrameSeal;
import dev.packets.intercom.node.Frames;
import dev.packets.intercom.node.Gathering;
import dev.packets.intercom.node.NodeCore;
import dev.packets.intercom.node.Payloads;
import dev.packets.intercom.node.Timers;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An intercom node on Redis pub/sub, with Lettuce. Questions of every node, publications, heartbeats and goodbyes
 * go to the shared channel {@code <prefix>:all}; answers come back on the asker's own channel
 * {@code <prefix>:node:<id>}, and a question of one node goes to that node's. Every frame is
 * binary (see the {@link dev.packets.intercom package documentation}).
 *
 * <p>Membership is by heartbeat: a node says HELLO when it starts or reconnects (the others answer it with a
 * HEARTBEAT at once, so it learns them in one round trip), beats every {@link Builder#heartbeat heartbeat}, counts
 * a node as gone after {@link Builder#missedHeartbeats missed heartbeats} and says GOODBYE when it closes. An ask
 * waits for exactly the members it knows; one that leaves meanwhile is reported in {@link Gathered#left()} at
 * once. The asker answers its own part directly, through the same codec but without Redis.
 *
 * <p>When Redis is unreachable, asks fail at once with an {@link IntercomException}; Lettuce reconnects and
 * resubscribes in the background, and the node announces itself again.
 *
 * <pre>{@code
 * RedisIntercom node = RedisIntercom.builder("redis://127.0.0.1:6379").id("one").secret(clusterSecret).start();
 * }</pre>
 */
public final class RedisIntercom implements Intercom {
  private static final Logger log = LoggerFactory.getLogger(RedisIntercom.class);

  private final NodeCore core;
  /** Whether requests are answered on Lettuce's I/O thread (no executor given; see NodeCore#answerInline). */
  private final boolean inline;
  private final Frames frames;
  private final FrameSeal seal;
  private final java.util.concurrent.atomic.LongAdder refusedMembers = new java.util.concurrent.atomic.LongAdder();
  /** HELLOs answered at most this often: a member that floods HELLOs does not make this node flood Redis. */
  private final HelloReplies helloReplies = new HelloReplies(20);
  /** Frames dropped unread: not sealed with this cluster's secret, stale, or malformed. */
  private final java.util.concurrent.atomic.LongAdder dropped = new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.AtomicLong lastDropLog =
      new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - TimeUnit.MINUTES.toNanos(2));
  private final RedisLink link;
  private final Membership membership;
  private final Strangers strangers;
  private final String prefix;
  private final byte[] allChannel;
  private final byte[] ownChannel;
  private final Duration heartbeat;
  private final int missedHeartbeats;
  private final Duration joinWait;
  private final long incarnation;
  private final byte[] heartbeatFrame;
  private final byte[] helloFrame;
  private final Object joined = new Object();
  private final AtomicBoolean twin = new AtomicBoolean();
  private ScheduledFuture<?> beat;
  private volatile boolean closed;
  private volatile boolean announce;
  private volatile boolean wasConnected = true;

  private RedisIntercom(Builder b) {
    frames = new Frames(new Payloads(b.registry));
    core = new NodeCore(b.id, b.executor, frames);
    inline = b.executor == null;
    if (b.seal == null) {
      throw new IllegalArgumentException("node " + b.id + ": a Redis intercom needs the cluster's shared secret, "
          + "secret(...) (the same on every node), or insecure() to run without one (then anyone who can publish on "
          + "this Redis can forge frames: flap nodes, answer asks)");
    }
    seal = b.seal;
    if (!seal.authenticates()) {
      log.warn("{}: the intercom runs without a secret: anyone who can publish on Redis at {} can forge its frames",
          b.id, b.uri);
    }
    link = new RedisLink(b.uri, b.resources, b.maxReconnectDelay, b.connectTimeout, seal);
    membership = new Membership(b.id, b.heartbeat, b.missedHeartbeats, b.maxMembers);
    strangers = new Strangers(b.id, b.registry);
    prefix = b.prefix;
    allChannel = bytes(prefix + ":all");
    ownChannel = channelOf(b.id);
    heartbeat = b.heartbeat;
    missedHeartbeats = b.missedHeartbeats;
    joinWait = b.joinWait;
    incarnation = Builder.RANDOM.nextLong() & Long.MAX_VALUE;
    heartbeatFrame = frames.write(new Presence(b.id, Kind.HEARTBEAT, incarnation, b.registry.fingerprint()));
    helloFrame = frames.write(new Presence(b.id, Kind.HELLO, incarnation, b.registry.fingerprint()));
  }

  /** A node for the Redis at {@code uri}, as in {@code redis://127.0.0.1:6379}. */
  public static Builder builder(String uri) {
    return new Builder(RedisURI.create(uri));
  }

  public static Builder builder(RedisURI uri) {
    return new Builder(uri);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] channelOf(String node) {
    return bytes(prefix + ":node:" + node);
  }

  private void start(Duration connectTimeout) {
    link.connect(this::onMessage, () -> Timers.TIMER.execute(this::tick), () -> {
      if (!closed) {
        log.warn("{}: lost Redis at {}; reconnecting", self(), link.where());
      }
    }, allChannel, ownChannel);
    long receivers;
    try {
      receivers = link.publish(allChannel, helloFrame).toCompletableFuture()
          .get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IntercomException("node " + self() + " cannot announce itself on Redis at " + link.where() + ": "
          + e, e);
    }
    long period = heartbeat.toNanos();
    beat = Timers.TIMER.scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
    awaitPeers(receivers - 1, joinWait);
    log.info("{}: joined the intercom '{}' on Redis at {} with {}", self(), prefix, link.where(), members());
  }

  /**
   * Waits until the nodes that heard this node's HELLO (Redis counts them) have answered it, so that a node knows
   * the others, and they know it, when {@link Builder#start()} returns. Subscribers that are not nodes make it
   * wait for {@code wait}; that is all.
   */
  private void awaitPeers(long expected, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (joined) {
      long left;
      while (membership.peers().size() < expected && (left = deadline - System.nanoTime()) > 0) {
        try {
          TimeUnit.NANOSECONDS.timedWait(joined, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public String self() {
    return core.self();
  }

  @Override
  public Set<String> members() {
    return membership.members();
  }

  @Override
  public RedisIntercom handle(String type, Handler handler) {
    core.handle(type, handler);
    return this;
  }

  @Override
  public RedisIntercom unhandle(String type) {
    core.unhandle(type);
    return this;
  }

  /** Nodes refused because the membership was full ({@link Builder#maxMembers}). */
  public long refusedMembers() {
    return refusedMembers.sum();
  }

  /** Frames this node dropped unread: not sealed with the cluster's secret, stale, or malformed. */
  public long droppedFrames() {
    return dropped.sum();
  }

  /** Whether both connections to Redis are up. */
  public boolean connected() {
    return link.connected();
  }

  @Override
  public CompletableFuture<Gathered> ask(String type, Object payload, Duration timeout) {
    NodeCore.checkType(type);
    NodeCore.checkTimeout(timeout);
    if (closed) {
      return CompletableFuture.failedFuture(new IntercomException("node " + self() + " is closed: it cannot ask '"
          + type + "'"));
    }
    if (!connected()) {
      return CompletableFuture.failedFuture(unreachable(type, "not connected", null));
    }
    List<String> others = membership.peers();
    Gathering gathering = core.open(type, others, timeout);
    byte[] frame;
    try {
      frame = frames.write(new Request(self(), gathering.id(), type, timeout.toMillis(), payload, null));
    } catch (RuntimeException e) {
      gathering.fail(e);
      return gathering.future();
    }
    if (!others.isEmpty()) {
      link.publish(allChannel, frame).whenComplete((receivers, error) -> {
        if (error != null) {
          gathering.fail(unreachable(type, error.getMessage(), error));
        }
      });
    }
    core.answerSelf(gathering, (Request) frames.read(frame), inline);
    return gathering.future();
  }

  @Override
  public CompletableFuture<Gathered> ask(String node, String type, Object payload, Duration timeout) {
    NodeCore.checkNode(node);
    NodeCore.checkType(type);
    NodeCore.checkTimeout(timeout);
    if (closed) {
      return CompletableFuture.failedFuture(new IntercomException("node " + self() + " is closed: it cannot ask '"
          + type + "'"));
    }
    if (!connected()) {
      return CompletableFuture.failedFuture(unreachable(type, "not connected", null));
    }
    Gathering gathering = core.openOf(type, List.of(node), timeout);
    byte[] frame;
    try {
      frame = frames.write(new Request(self(), gathering.id(), type, timeout.toMillis(), payload, null));
    } catch (RuntimeException e) {
      gathering.fail(e);
      return gathering.future();
    }
    if (node.equals(self())) {
      core.answerSelf(gathering, (Request) frames.read(frame), inline);
    } else if (!membership.peers().contains(node)) {
      gathering.left(node);
    } else {
      // straight to the node's own channel: the others never see the question
      link.publish(channelOf(node), frame).whenComplete((receivers, error) -> {
        if (error != null) {
          gathering.fail(unreachable(type, error.getMessage(), error));
        }
      });
    }
    return gathering.future();
  }

  @Override
  public CompletableFuture<Void> publish(String topic, Object value) {
    NodeCore.checkType(topic);
    if (closed) {
      return CompletableFuture.failedFuture(new IntercomException("node " + self() + " is closed: it cannot publish '"
          + topic + "'"));
    }
    if (!connected()) {
      return CompletableFuture.failedFuture(unreachable(topic, "not connected", null));
    }
    byte[] frame;
    try {
      frame = frames.write(new Publication(self(), topic, value, null));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    core.deliver((Publication) frames.read(frame));
    return link.publish(allChannel, frame).toCompletableFuture().handle((receivers, error) -> {
      if (error != null) {
        throw unreachable(topic, error.getMessage(), error);
      }
      return null;
    });
  }

  @Override
  public RedisIntercom subscribe(String topic, Subscriber subscriber) {
    core.subscribe(topic, subscriber);
    return this;
  }

  @Override
  public RedisIntercom unsubscribe(String topic) {
    core.unsubscribe(topic);
    return this;
  }

  @Override
  public RedisIntercom onLeft(java.util.function.Consumer<String> listener) {
    core.onLeft(listener);
    return this;
  }

  private IntercomException unreachable(String type, String why, Throwable cause) {
    return new IntercomException("node " + self() + " cannot ask '" + type + "': Redis at " + link.where()
        + " is unreachable (" + why + "); reconnecting in the background", cause);
  }

  private void onMessage(byte[] channel, byte[] message) {
    Frame frame;
    try {
      frame = frames.read(seal.open(message));
    } catch (RuntimeException e) {
      // counted, and told at most once a minute: whoever can publish on Redis must not flood the log
      dropped.increment();
      long now = System.nanoTime();
      long last = lastDropLog.get();
      if (now - last > TimeUnit.MINUTES.toNanos(1) && lastDropLog.compareAndSet(last, now)) {
        log.warn("{}: dropped a frame of {} bytes on {} ({} so far): {}", self(), message.length,
            new String(channel, StandardCharsets.UTF_8), dropped.sum(), e.getMessage());
      }
      return;
    }
    String sender = frame.sender();
    if (closed) {
      return;
    }
    if (sender.equals(self())) {
      if (frame instanceof Presence presence && presence.incarnation() != incarnation && twin.compareAndSet(false, true)) {
        log.error("{}: another node uses this node's id on '{}': give every node its own id", self(), prefix);
      }
      return;
    }
    boolean own = Arrays.equals(channel, ownChannel);
    if (frame instanceof Request received) {
      // on the shared channel an ask of every node; on this node's own, an ask of it alone
      membership.refresh(sender);
      Request request = strangers.guard(received);
      (inline ? core.answerInline(request) : core.answer(request)).thenAccept(outcome -> publish(channelOf(sender),
          frames.write(new Reply(self(), request.ask(), outcome))));
    } else if (frame instanceof Reply reply && own) {
      membership.refresh(sender);
      core.reply(strangers.guard(reply));
    } else if (frame instanceof Publication publication && !own) {
      membership.refresh(sender);
      core.deliver(strangers.guard(publication));
    } else if (frame instanceof Presence presence) {
      onPresence(presence);
    } else {
      log.warn("{}: ignored a {} from {} on {}", self(), frame.getClass().getSimpleName(), sender,
          new String(channel, StandardCharsets.UTF_8));
    }
  }

  private void onPresence(Presence presence) {
    String sender = presence.sender();
    switch (presence.kind()) {
      case HELLO:
        if (heard(presence) && helloReplies.take()) {
          publish(channelOf(sender), heartbeatFrame);
        }
        break;
      case HEARTBEAT:
        heard(presence);
        break;
      default:
        if (membership.remove(sender, presence.incarnation())) {
          log.info("{}: {} said goodbye", self(), sender);
          core.left(sender);
        }
    }
  }

  /** A HELLO or HEARTBEAT; false when the node was refused (the membership is full). */
  private boolean heard(Presence presence) {
    String node = presence.sender();
    switch (membership.heard(node, presence.incarnation())) {
      case NEW:
        log.info("{}: {} joined", self(), node);
        synchronized (joined) {
          joined.notifyAll();
        }
        break;
      case RESTARTED:
        log.warn("{}: {} restarted (if this repeats, two nodes share the id)", self(), node);
        core.left(node);
        break;
      case REFUSED:
        refusedMembers.increment();
        return false;
      default:
        break;
    }
    if (strangers.heard(node, presence.fingerprint())) {
      log.warn("{}: node {} speaks packet registry {}, this node {}: only JSON-like values travel between them",
          self(), node, presence.fingerprint(), frames.payloads().registry().fingerprint());
    }
    return true;
  }


  private void publish(byte[] channel, byte[] frame) {
    if (closed) {
      return;
    }
    link.publish(channel, frame).whenComplete((receivers, error) -> {
      if (error != null) {
        log.debug("{}: cannot publish on {}: {}", self(), new String(channel, StandardCharsets.UTF_8), error.toString());
      }
    });
  }

  /** Every heartbeat: beat (or announce after a reconnect), and drop the members that stopped beating. */
  private void tick() {
    if (closed) {
      return;
    }
    try {
      boolean up = connected();
      if (up && !wasConnected) {
        membership.refreshAll();
        announce = true;
        log.info("{}: reconnected to Redis at {}", self(), link.where());
      }
      wasConnected = up;
      if (!up) {
        return;
      }
      if (announce) {
        link.publish(allChannel, helloFrame).whenComplete((receivers, error) -> {
          if (error == null) {
            announce = false;
          }
        });
      } else {
        publish(allChannel, heartbeatFrame);
      }
      reap();
    } catch (RuntimeException e) {
      log.warn("{}: heartbeat failed: {}", self(), e.toString());
    }
  }

  private void reap() {
    for (String gone : membership.reap()) {
      log.info("{}: {} missed {} heartbeats: gone", self(), gone, missedHeartbeats);
      core.left(gone);
    }
  }

  /** Says goodbye, fails this node's pending asks and closes the connections. */
  @Override
  public void close() {
    stop(true);
  }

  /** Stops without a goodbye, as a crash would: the others drop this node after the heartbeat timeout. */
  void abandon() {
    stop(false);
  }

  private void stop(boolean goodbye) {
    if (closed) {
      return;
    }
    closed = true;
    if (beat != null) {
      beat.cancel(false);
    }
    try {
      if (goodbye && link.connected()) {
        link.publish(allChannel, frames.write(new Presence(self(), Kind.GOODBYE, incarnation, "")))
            .toCompletableFuture().get(1, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      log.debug("{}: goodbye not sent: {}", self(), e.toString());
    }
    core.close();
    link.close();
    log.info("{}: left the intercom '{}'", self(), prefix);
  }

  @Override
  public String toString() {
    return "RedisIntercom[" + self() + " on " + link.where() + " " + prefix + "]";
  }

  /** Settings of a Redis intercom node; {@link #start()} connects it. */
  public static final class Builder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisURI uri;
    private String id = randomId();
    private String prefix = "packets:intercom";
    private Duration heartbeat = Duration.ofSeconds(2);
    private int missedHeartbeats = 3;
    private PacketRegistry registry = PacketRegistry.of();
    private Executor executor;
    private ClientResources resources;
    private Duration maxReconnectDelay = Duration.ofSeconds(2);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration joinWait = Duration.ofSeconds(1);
    private FrameSeal seal;
    private int maxMembers = 256;

    private Builder(RedisURI uri) {
      this.uri = Objects.requireNonNull(uri, "uri");
    }

    private static String randomId() {
      return Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    }

    /** This node's id, unique among the nodes; random by default. */
    public Builder id(String id) {
      this.id = NodeCore.checkNode(id);
      return this;
    }

    /** The channels' prefix, so that several applications share one Redis; {@code packets:intercom} by default. */
    /**
     * The cluster's shared secret (at least 16 bytes, the same on every node): every frame carries an HMAC-SHA256
     * over it and its time, and frames without a good one (forged, replayed after 30 s, from another cluster) are
     * dropped and counted. Required, unless {@link #insecure()}.
     */
    public Builder secret(String secret) {
      this.seal = FrameSeal.of(secret);
      return this;
    }

    /** Runs without a secret: anyone who can publish on this Redis can forge frames. For tests and trusted networks. */
    public Builder insecure() {
      this.seal = FrameSeal.NONE;
      return this;
    }

    /** The most other nodes this node keeps as members (default 256); more are refused and counted. */
    public Builder maxMembers(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxMembers is " + max + "; it must be positive");
      }
      this.maxMembers = max;
      return this;
    }

    public Builder prefix(String prefix) {
      if (prefix == null || prefix.isEmpty()) {
        throw new IllegalArgumentException("the channel prefix must not be empty");
      }
      this.prefix = prefix;
      return this;
    }

    /** How often the node beats; 2 seconds by default. */
    public Builder heartbeat(Duration heartbeat) {
      if (heartbeat.toMillis() < 10) {
        throw new IllegalArgumentException("a heartbeat of at least 10 ms, not " + heartbeat);
      }
      this.heartbeat = heartbeat;
      return this;
    }

    /** How many heartbeats a node may miss before the others count it gone; 3 by default. */
    public Builder missedHeartbeats(int missed) {
      if (missed < 1) {
        throw new IllegalArgumentException("missed heartbeats must be at least 1, not " + missed);
      }
      this.missedHeartbeats = missed;
      return this;
    }

    /** The packets that questions and answers may carry; every node needs the same. Only built-ins by default. */
    public Builder registry(PacketRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Where handlers run. By default a question from another node is answered on the Lettuce I/O thread that read
     * it (a thread hand-off per question cost more than the answer; docs/benchmarks.md), and a handler that once
     * takes over 100 ms there, the node's own questions and late ones run on a thread of the node's own, one at a
     * time. Handlers with slow work return a CompletionStage; naming an executor runs every handler there.
     */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /**
     * Lettuce's threads, to share them among several nodes; they are not shut down on close, and their reconnect
     * delay applies instead of {@link #maxReconnectDelay}.
     */
    public Builder clientResources(ClientResources resources) {
      this.resources = resources;
      return this;
    }

    /** The longest wait between reconnection attempts (they back off exponentially from 10 ms); 2 s by default. */
    public Builder maxReconnectDelay(Duration delay) {
      this.maxReconnectDelay = Objects.requireNonNull(delay, "delay");
      return this;
    }

    /** How long connecting to Redis may take at start; 5 s by default. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * How long {@link #start()} waits at most for the nodes that heard this node's HELLO to answer it; 1 s by
     * default. It waits that long only if the shared channel has subscribers that are not nodes.
     */
    public Builder joinWait(Duration wait) {
      this.joinWait = Objects.requireNonNull(wait, "wait");
      return this;
    }

    /** Connects, subscribes and announces the node; fails with an {@link IntercomException} if Redis is down. */
    public RedisIntercom start() {
      RedisIntercom node = new RedisIntercom(this);
      try {
        node.start(connectTimeout);
        return node;
      } catch (RuntimeException e) {
        node.close();
        if (e instanceof IntercomException) {
          throw e;
        }
        throw new IntercomException("node " + id + " cannot connect to Redis at " + uri + ": " + e.getMessage(), e);
      }
    }
  }
}
