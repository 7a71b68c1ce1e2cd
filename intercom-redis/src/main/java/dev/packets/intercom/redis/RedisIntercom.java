package dev.packets.intercom.redis;

import dev.packets.intercom.Gathered;
import dev.packets.intercom.IntercomException;
import dev.packets.intercom.node.Frame.Presence;
import dev.packets.intercom.node.Frame.Publication;
import dev.packets.intercom.node.Frame.Reply;
import dev.packets.intercom.node.Frame.Request;
import dev.packets.intercom.node.Frame;
import dev.packets.intercom.node.FrameSeal;
import dev.packets.intercom.node.Frames;
import dev.packets.intercom.node.Gathering;
import dev.packets.intercom.node.NodeCore;
import dev.packets.intercom.node.NodeIntercom;
import dev.packets.intercom.node.Outgoing;
import dev.packets.intercom.node.Payloads;
import dev.packets.intercom.node.Timers;
import io.lettuce.core.RedisURI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An intercom node on Redis pub/sub, with Lettuce. Questions of every node, publications, heartbeats and goodbyes
 * go to the shared channel {@code <prefix>:all}; answers come back on the asker's own channel
 * {@code <prefix>:node:<id>}, and a question of one node goes to that node's. Every frame is
 * binary (see the {@link dev.packets.intercom package documentation}).
 *
 * <p>Membership is by heartbeat: a node says HELLO when it starts or reconnects (the others answer it with a
 * HEARTBEAT at once, so it learns them in one round trip), beats every {@link RedisIntercomBuilder#heartbeat heartbeat}, counts
 * a node as gone after {@link RedisIntercomBuilder#missedHeartbeats missed heartbeats} and says GOODBYE when it closes. An ask
 * waits for exactly the members it knows; one that leaves meanwhile is reported in {@link Gathered#left()} at
 * once. The asker answers its own part directly, through the same codec but without Redis.
 *
 * <p>When Redis is unreachable, asks fail at once with an {@link IntercomException}; Lettuce reconnects and
 * resubscribes in the background, and the node announces itself again.
 *
 * <p>The pieces: {@link RedisIntercomBuilder} (the settings), {@link RedisLink} (the two connections, the seal on
 * every frame), {@link Heartbeats} and {@link Membership} (who is a member), {@link Strangers} (nodes of another
 * packet registry); this class routes frames, and asks and publishes through the transports' one skeleton, {@link
 * Outgoing}.
 *
 * <pre>{@code
 * RedisIntercom node = RedisIntercom.builder("redis://127.0.0.1:6379").id("one").secret(clusterSecret).start();
 * }</pre>
 */
public final class RedisIntercom extends NodeIntercom {
  private static final Logger log = LoggerFactory.getLogger(RedisIntercom.class);

  /** Whether requests are answered on Lettuce's I/O thread (no executor given; see NodeCore#answerInline). */
  private final boolean inline;
  private final Frames frames;
  private final FrameSeal seal;
  /** Frames dropped unread: not sealed with this cluster's secret, stale, or malformed. */
  private final java.util.concurrent.atomic.LongAdder dropped = new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.AtomicLong lastDropLog =
      new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - TimeUnit.MINUTES.toNanos(2));
  private final RedisLink link;
  private final Membership membership;
  private final Strangers strangers;
  private final Heartbeats heartbeats;
  private final String prefix;
  private final byte[] allChannel;
  private final byte[] ownChannel;
  private final Duration joinWait;
  private volatile boolean closed;

  RedisIntercom(RedisIntercomBuilder b) {
    this(b, new Frames(new Payloads(b.registry)));
  }

  private RedisIntercom(RedisIntercomBuilder b, Frames frames) {
    super(new NodeCore(b.id, b.executor, frames));
    this.frames = frames;
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
    joinWait = b.joinWait;
    heartbeats = new Heartbeats(core, link, frames, membership, strangers, allChannel, this::channelOf, b.heartbeat,
        b.missedHeartbeats, prefix);
    route(new OverRedis());
  }

  /** A node for the Redis at {@code uri}, as in {@code redis://127.0.0.1:6379}. */
  public static RedisIntercomBuilder builder(String uri) {
    return new RedisIntercomBuilder(RedisURI.create(uri));
  }

  public static RedisIntercomBuilder builder(RedisURI uri) {
    return new RedisIntercomBuilder(uri);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] channelOf(String node) {
    return bytes(prefix + ":node:" + node);
  }

  void start(Duration connectTimeout) {
    link.connect(this::onMessage, () -> Timers.TIMER.execute(heartbeats::tick), () -> {
      if (!closed) {
        log.warn("{}: lost Redis at {}; reconnecting", self(), link.where());
      }
    }, allChannel, ownChannel);
    long receivers;
    try {
      receivers = link.publish(allChannel, heartbeats.hello()).toCompletableFuture()
          .get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IntercomException("node " + self() + " cannot announce itself on Redis at " + link.where() + ": "
          + e, e);
    }
    heartbeats.start();
    heartbeats.awaitPeers(receivers - 1, joinWait);
    log.info("{}: joined the intercom '{}' on Redis at {} with {}", self(), prefix, link.where(), members());
  }

  @Override
  public Set<String> members() {
    return membership.members();
  }

  /** Nodes refused because the membership was full ({@link RedisIntercomBuilder#maxMembers}). */
  public long refusedMembers() {
    return heartbeats.refusedMembers();
  }

  /** Frames this node dropped unread: not sealed with the cluster's secret, stale, or malformed. */
  public long droppedFrames() {
    return dropped.sum();
  }

  /** Whether both connections to Redis are up. */
  public boolean connected() {
    return link.connected();
  }

  private IntercomException unreachable(String type, String why, Throwable cause) {
    return new IntercomException("node " + self() + " cannot ask '" + type + "': Redis at " + link.where()
        + " is unreachable (" + why + "); reconnecting in the background", cause);
  }

  /**
   * How asks and publications go over Redis: an ask of every node and a publication on the shared channel, an ask
   * of one node on that node's own channel (the others never see it); a failure to publish fails the ask at once.
   */
  private final class OverRedis implements Outgoing.Route {
    @Override
    public IntercomException unavailable(String what) {
      return connected() ? null : unreachable(what, "not connected", null);
    }

    @Override
    public List<String> peers() {
      return membership.peers();
    }

    @Override
    public boolean member(String node) {
      return membership.peers().contains(node);
    }

    @Override
    public void toAll(List<String> peers, Outgoing.Encoded<Request> request, Gathering gathering) {
      send(allChannel, request, gathering);
    }

    @Override
    public void toOne(String node, Outgoing.Encoded<Request> request, Gathering gathering) {
      send(channelOf(node), request, gathering);
    }

    private void send(byte[] channel, Outgoing.Encoded<Request> request, Gathering gathering) {
      link.publish(channel, request.bytes()).whenComplete((receivers, error) -> {
        if (error != null) {
          gathering.fail(unreachable(request.frame().type(), error.getMessage(), error));
        }
      });
    }

    /**
     * Fails when Redis could not take the publication, and when it reached fewer of the shared channel's subscribers
     * than this node has members (itself included: it hears its own): a node not subscribed again yet after Redis
     * came back missed it, and the publisher is told rather than left to believe it arrived.
     */
    @Override
    public CompletableFuture<Void> publish(Outgoing.Encoded<Publication> publication) {
      int others = membership.peers().size();
      String topic = publication.frame().topic();
      return link.publish(allChannel, publication.bytes()).toCompletableFuture().handle((receivers, error) -> {
        if (error != null) {
          throw unreachable(topic, error.getMessage(), error);
        }
        if (receivers != null && receivers < others + 1) {
          throw new IntercomException("node " + self() + " published '" + topic + "' to " + Math.max(0, receivers - 1)
              + " of its " + others + " other members: the others were not subscribed (Redis at " + link.where()
              + " came back, or they are going)");
        }
        return null;
      });
    }

    @Override
    public boolean inline() {
      return inline;
    }
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
      if (frame instanceof Presence presence) {
        heartbeats.own(presence);
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
      heartbeats.heard(presence);
    } else {
      log.warn("{}: ignored a {} from {} on {}", self(), frame.getClass().getSimpleName(), sender,
          new String(channel, StandardCharsets.UTF_8));
    }
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
    heartbeats.stop(goodbye);
    core.close();
    link.close();
    log.info("{}: left the intercom '{}'", self(), prefix);
  }

  @Override
  public String toString() {
    return "RedisIntercom[" + self() + " on " + link.where() + " " + prefix + "]";
  }
}
