package dev.packets.intercom.redis;

import dev.packets.PacketRegistry;
import dev.packets.intercom.IntercomException;
import dev.packets.intercom.node.FrameSeal;
import dev.packets.intercom.node.NodeCore;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/** Settings of a Redis intercom node; {@link #start()} connects it. */
public final class RedisIntercomBuilder {
  static final SecureRandom RANDOM = new SecureRandom();

  final RedisURI uri;
  String id = randomId();
  String prefix = "packets:intercom";
  Duration heartbeat = Duration.ofSeconds(2);
  int missedHeartbeats = 3;
  PacketRegistry registry = PacketRegistry.of();
  Executor executor;
  ClientResources resources;
  Duration maxReconnectDelay = Duration.ofSeconds(2);
  Duration connectTimeout = Duration.ofSeconds(5);
  Duration joinWait = Duration.ofSeconds(1);
  FrameSeal seal;
  int maxMembers = 256;

  RedisIntercomBuilder(RedisURI uri) {
    this.uri = Objects.requireNonNull(uri, "uri");
  }

  private static String randomId() {
    return Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
  }

  /** This node's id, unique among the nodes; random by default. */
  public RedisIntercomBuilder id(String id) {
    this.id = NodeCore.checkNode(id);
    return this;
  }

  /**
   * The cluster's shared secret (at least 16 bytes, the same on every node): every frame carries an HMAC-SHA256
   * over it and its time, and frames without a good one (forged, replayed after 30 s, from another cluster) are
   * dropped and counted. Required, unless {@link #insecure()}.
   */
  public RedisIntercomBuilder secret(String secret) {
    this.seal = FrameSeal.of(secret);
    return this;
  }

  /** Runs without a secret: anyone who can publish on this Redis can forge frames. For tests and trusted networks. */
  public RedisIntercomBuilder insecure() {
    this.seal = FrameSeal.NONE;
    return this;
  }

  /** The most other nodes this node keeps as members (default 256); more are refused and counted. */
  public RedisIntercomBuilder maxMembers(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("maxMembers is " + max + "; it must be positive");
    }
    this.maxMembers = max;
    return this;
  }

  /** The channels' prefix, so that several applications share one Redis; {@code packets:intercom} by default. */
  public RedisIntercomBuilder prefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      throw new IllegalArgumentException("the channel prefix must not be empty");
    }
    this.prefix = prefix;
    return this;
  }

  /** How often the node beats; 2 seconds by default. */
  public RedisIntercomBuilder heartbeat(Duration heartbeat) {
    if (heartbeat.toMillis() < 10) {
      throw new IllegalArgumentException("a heartbeat of at least 10 ms, not " + heartbeat);
    }
    this.heartbeat = heartbeat;
    return this;
  }

  /** How many heartbeats a node may miss before the others count it gone; 3 by default. */
  public RedisIntercomBuilder missedHeartbeats(int missed) {
    if (missed < 1) {
      throw new IllegalArgumentException("missed heartbeats must be at least 1, not " + missed);
    }
    this.missedHeartbeats = missed;
    return this;
  }

  /** The packets that questions and answers may carry; every node needs the same. Only built-ins by default. */
  public RedisIntercomBuilder registry(PacketRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    return this;
  }

  /**
   * Where handlers run. By default a question from another node is answered on the Lettuce I/O thread that read
   * it (a thread hand-off per question cost more than the answer; docs/benchmarks.md), and a handler that once
   * takes over 100 ms there, the node's own questions and late ones run on a thread of the node's own, one at a
   * time. Handlers with slow work return a CompletionStage; naming an executor runs every handler there.
   */
  public RedisIntercomBuilder executor(Executor executor) {
    this.executor = executor;
    return this;
  }

  /**
   * Lettuce's threads, to share them among several nodes; they are not shut down on close, and their reconnect
   * delay applies instead of {@link #maxReconnectDelay}.
   */
  public RedisIntercomBuilder clientResources(ClientResources resources) {
    this.resources = resources;
    return this;
  }

  /** The longest wait between reconnection attempts (they back off exponentially from 10 ms); 2 s by default. */
  public RedisIntercomBuilder maxReconnectDelay(Duration delay) {
    this.maxReconnectDelay = Objects.requireNonNull(delay, "delay");
    return this;
  }

  /** How long connecting to Redis may take at start; 5 s by default. */
  public RedisIntercomBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * How long {@link #start()} waits at most for the nodes that heard this node's HELLO to answer it; 1 s by
   * default. It waits that long only if the shared channel has subscribers that are not nodes.
   */
  public RedisIntercomBuilder joinWait(Duration wait) {
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
