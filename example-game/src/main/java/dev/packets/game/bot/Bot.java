package dev.packets.game.bot;

import dev.packets.Redirect;
import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.game.node.GameServer;
import dev.packets.game.sim.Simulation;
import dev.packets.game.wire.Chat;
import dev.packets.game.wire.Input;
import dev.packets.game.wire.Join;
import dev.packets.game.wire.Joined;
import dev.packets.game.wire.Spots;
import dev.packets.game.wire.Tick;
import dev.packets.game.wire.WhereIs;
import dev.packets.socketio.PacketError;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A headless player: joins a node and walks towards points picked at random anywhere in the world (so it crosses
 * borders, and follows the {@link Redirect} each crossing brings), chats now and then and asks where the entities it
 * sees are. Counts the redirects it followed, the chat it got, its errors and how long answers take. For load and tests.
 */
public final class Bot implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Bot.class);
  /** Answers that are refusals a bot can expect: it asked for an entity that walked out of its view meanwhile. */
  private static final int NOT_IN_VIEW = 403;

  private final String name;
  private final PacketClient client;
  private final SplittableRandom random;
  private final ScheduledExecutorService timer;
  private final AtomicReference<Joined> joined = new AtomicReference<>();
  private final AtomicLong redirects = new AtomicLong();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  /** Round trips of WhereIs, in microseconds. */
  private final Latencies latencies;
  /** The chat lines seen, by sender. */
  private final Map<String, Long> chatFrom = new ConcurrentHashMap<>();
  private volatile int[] lastSeen = new int[0];
  /** Where the bot's own entity was in the latest snapshot, in world units (NaN: not seen yet). */
  private volatile float myX = Float.NaN;
  private volatile float myY = Float.NaN;
  private float targetX = -1;
  private float targetY;
  private int acts;

  /** Joins the node at {@code server} as {@code name}, trusting the certificates in {@code trusted} (or the JDK's). */
  public Bot(URI server, String name, long seed, Path trusted) throws Exception {
    this(server, name, seed, trusted, new Latencies());
  }

  Bot(URI server, String name, long seed, Path trusted, Latencies latencies) throws Exception {
    this.name = name;
    this.random = new SplittableRandom(seed);
    this.latencies = latencies;
    ClientOptions options = new ClientOptions(null, Duration.ofSeconds(10), Duration.ofSeconds(10), true,
        Duration.ofSeconds(2));
    this.client = PacketClient.connect(server, GameServer.PACKETS,
        trusted == null ? options : options.withTrustedCertificates(trusted));
    client.accept(Tick.class, t -> null);
    client.accept(Spots.class, s -> {
      Joined me = joined.get();
      for (Spots.Spot spot : s.spots()) {
        if (me != null && spot.entity() == me.entity()) {
          myX = spot.x() / Spots.Spot.SCALE;
          myY = spot.y() / Spots.Spot.SCALE;
        }
      }
      if (!s.spots().isEmpty()) {
        lastSeen = s.spots().stream().mapToInt(Spots.Spot::entity).toArray();
      }
      return null;
    });
    client.accept(Chat.class, c -> {
      chatFrom.merge(c.from(), 1L, Long::sum);
      return null;
    });
    client.accept(Joined.class, j -> {
      joined.set(j);
      return null;
    });
    client.accept(Redirect.class, r -> {
      redirects.incrementAndGet();
      client.moveTo(URI.create(r.location()));
      return null;
    });
    Joined first = (Joined) client.send(new Join(name, false)).get(10, TimeUnit.SECONDS);
    joined.set(first);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bot-" + name);
      t.setDaemon(true);
      return t;
    });
  }

  /** Steers four times a second, asks and chats now and then, until closed. */
  public Bot start() {
    timer.scheduleAtFixedRate(this::act, random.nextInt(250), 250, TimeUnit.MILLISECONDS);
    return this;
  }

  private void act() {
    try {
      Joined me = joined.get();
      if (!client.isConnected()) {
        return; // on its way to another node
      }
      if (targetX < 0 || random.nextInt(40) == 0) {
        targetX = random.nextFloat() * me.width();
        targetY = random.nextFloat() * me.height();
      }
      acts++;
      float x = myX;
      float y = myY;
      float heading = Float.isNaN(x) ? (float) random.nextDouble(2 * Math.PI)
          : (float) Math.atan2(targetY - y, targetX - x);
      if (!Float.isNaN(x) && Math.hypot(targetX - x, targetY - y) < 20) {
        targetX = -1; // there: a new target next time
      }
      client.send(new Input(me.entity(), heading, Simulation.MAX_SPEED)).whenComplete((ok, e) -> outcome(e));
      int[] seen = lastSeen;
      if (seen.length > 0 && acts % 2 == 0) {
        int entity = seen[random.nextInt(seen.length)];
        long started = System.nanoTime();
        client.request(new WhereIs(entity)).whenComplete((p, e) -> {
          if (e == null) {
            latencies.add((System.nanoTime() - started) / 1000);
          }
          outcome(e);
        });
      }
      if (acts % 40 == 20) { // after 5 s, then every 10 s
        client.send(new Chat("", "hello from " + name + " on " + me.node(), Map.of("bot", true)))
            .whenComplete((ok, e) -> outcome(e));
      }
    } catch (RuntimeException e) {
      errors.add(e.toString());
    }
  }

  /** What counts as an error: anything but a drop while moving and an entity that left the bot's view. */
  private void outcome(Throwable error) {
    if (error == null) {
      return;
    }
    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (cause instanceof PacketError p && (p.code() == NOT_IN_VIEW || p.code() == 503)) {
      return;
    }
    if (errors.size() < 100) {
      errors.add(cause.toString());
    }
    LOG.debug("bot {}: {}", name, cause.toString());
  }

  public String name() {
    return name;
  }

  /** Redirects followed so far. */
  public long redirects() {
    return redirects.get();
  }

  /** Chat lines received, by sender. */
  public Map<String, Long> chatFrom() {
    return chatFrom;
  }

  /** What went wrong (at most 100). */
  public List<String> errors() {
    return errors;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    client.close();
  }
}
