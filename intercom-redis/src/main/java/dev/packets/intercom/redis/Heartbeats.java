package dev.packets.intercom.redis;

import dev.packets.intercom.node.Frame.Kind;
import dev.packets.intercom.node.Frame.Presence;
import dev.packets.intercom.node.Frames;
import dev.packets.intercom.node.NodeCore;
import dev.packets.intercom.node.Timers;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presence protocol of a Redis node: it says HELLO when it starts or reconnects (the others answer with a
 * HEARTBEAT at once, at most 20 a second each, so it learns them in one round trip), beats every heartbeat on the
 * shared channel, counts a member gone after the missed heartbeats (or at its GOODBYE, or when it comes back with
 * another incarnation), and says GOODBYE when it closes. Members are capped ({@link Membership}).
 */
final class Heartbeats {
  private static final Logger log = LoggerFactory.getLogger(RedisIntercom.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final NodeCore core;
  private final RedisLink link;
  private final Frames frames;
  private final Membership membership;
  private final Strangers strangers;
  private final byte[] allChannel;
  private final Function<String, byte[]> channelOf;
  private final Duration heartbeat;
  private final int missedHeartbeats;
  private final String prefix;
  private final long incarnation = RANDOM.nextLong() & Long.MAX_VALUE;
  private final byte[] heartbeatFrame;
  private final byte[] helloFrame;
  /** HELLOs answered at most this often: a member that floods HELLOs does not make this node flood Redis. */
  private final HelloReplies helloReplies = new HelloReplies(20);
  private final LongAdder refusedMembers = new LongAdder();
  private final Object joined = new Object();
  private final AtomicBoolean twin = new AtomicBoolean();
  private ScheduledFuture<?> beat;
  private volatile boolean stopped;
  private volatile boolean announce;
  private volatile boolean wasConnected = true;

  Heartbeats(NodeCore core, RedisLink link, Frames frames, Membership membership, Strangers strangers,
      byte[] allChannel, Function<String, byte[]> channelOf, Duration heartbeat, int missedHeartbeats, String prefix) {
    this.core = core;
    this.link = link;
    this.frames = frames;
    this.membership = membership;
    this.strangers = strangers;
    this.allChannel = allChannel;
    this.channelOf = channelOf;
    this.heartbeat = heartbeat;
    this.missedHeartbeats = missedHeartbeats;
    this.prefix = prefix;
    String fingerprint = frames.payloads().registry().fingerprint();
    heartbeatFrame = frames.write(new Presence(core.self(), Kind.HEARTBEAT, incarnation, fingerprint));
    helloFrame = frames.write(new Presence(core.self(), Kind.HELLO, incarnation, fingerprint));
  }

  private String self() {
    return core.self();
  }

  /** The HELLO this node says when it starts. */
  byte[] hello() {
    return helloFrame;
  }

  /** Nodes refused because the membership was full. */
  long refusedMembers() {
    return refusedMembers.sum();
  }

  /** Starts beating. */
  void start() {
    long period = heartbeat.toNanos();
    beat = Timers.TIMER.scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
  }

  /**
   * Waits until the nodes that heard this node's HELLO (Redis counts them) have answered it, so that a node knows
   * the others, and they know it, when it has started. Subscribers that are not nodes make it wait for {@code wait};
   * that is all.
   */
  void awaitPeers(long expected, Duration wait) {
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

  /** A presence frame with this node's own id: its own echo, or another node that uses the same id. */
  void own(Presence presence) {
    if (presence.incarnation() != incarnation && twin.compareAndSet(false, true)) {
      log.error("{}: another node uses this node's id on '{}': give every node its own id", self(), prefix);
    }
  }

  /** Another node's HELLO, HEARTBEAT or GOODBYE. */
  void heard(Presence presence) {
    String sender = presence.sender();
    switch (presence.kind()) {
      case HELLO:
        if (member(presence) && helloReplies.take()) {
          publish(channelOf.apply(sender), heartbeatFrame);
        }
        break;
      case HEARTBEAT:
        member(presence);
        break;
      default:
        if (membership.remove(sender, presence.incarnation())) {
          log.info("{}: {} said goodbye", self(), sender);
          core.left(sender);
        }
    }
  }

  /** A HELLO or HEARTBEAT; false when the node was refused (the membership is full). */
  private boolean member(Presence presence) {
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

  /** Every heartbeat (and when the link comes back): beat, or announce after a reconnect; drop the silent. */
  void tick() {
    if (stopped) {
      return;
    }
    try {
      boolean up = link.connected();
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
      for (String gone : membership.reap()) {
        log.info("{}: {} missed {} heartbeats: gone", self(), gone, missedHeartbeats);
        core.left(gone);
      }
    } catch (RuntimeException e) {
      log.warn("{}: heartbeat failed: {}", self(), e.toString());
    }
  }

  /** Stops beating; says GOODBYE (waiting a second at most) unless it goes as a crash would. */
  void stop(boolean goodbye) {
    stopped = true;
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
  }

  private void publish(byte[] channel, byte[] frame) {
    if (stopped) {
      return;
    }
    link.publish(channel, frame).whenComplete((receivers, error) -> {
      if (error != null) {
        log.debug("{}: cannot publish on {}: {}", self(), new String(channel, StandardCharsets.UTF_8),
            error.toString());
      }
    });
  }
}
