package dev.packets.game.bot;

import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.game.node.GameServer;
import dev.packets.game.sim.Simulation;
import dev.packets.game.wire.Input;
import dev.packets.game.wire.Join;
import dev.packets.game.wire.Joined;
import dev.packets.game.wire.Position;
import dev.packets.game.wire.Spots;
import dev.packets.game.wire.WhereIs;
import java.net.URI;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A headless player: joins a node, steers at random and asks where random entities are. For load and tests. */
public final class Bot implements AutoCloseable {
  private final PacketClient client;
  private final Joined joined;
  private final SplittableRandom random;
  private final ScheduledExecutorService timer;
  private final AtomicLong spots = new AtomicLong();
  private final AtomicLong answers = new AtomicLong();
  private final int nodes;

  /** Joins the node at {@code server} as {@code name}. */
  public Bot(URI server, String name, long seed, int nodes) throws Exception {
    this(server, name, seed, nodes, null);
  }

  /** Joins the node at {@code server} as {@code name}, trusting the certificates in {@code trusted} (or the JDK's). */
  public Bot(URI server, String name, long seed, int nodes, Path trusted) throws Exception {
    this.random = new SplittableRandom(seed);
    this.nodes = nodes;
    this.client = PacketClient.connect(server, GameServer.PACKETS,
        trusted == null ? ClientOptions.DEFAULT : ClientOptions.DEFAULT.withTrustedCertificates(trusted));
    client.accept(Spots.class, s -> {
      spots.addAndGet(s.spots().size());
      return null;
    });
    this.joined = (Joined) client.send(new Join(name)).get(10, TimeUnit.SECONDS);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bot-" + name);
      t.setDaemon(true);
      return t;
    });
  }

  /** Steers and asks a few times a second until closed. */
  public Bot start() {
    timer.scheduleAtFixedRate(this::act, 0, 250, TimeUnit.MILLISECONDS);
    return this;
  }

  private void act() {
    client.send(new Input(joined.entity(), (float) (random.nextDouble() * 2 * Math.PI),
        (float) (random.nextDouble() * Simulation.MAX_SPEED)));
    int entity = random.nextInt(nodes) * Simulation.ID_BLOCK + random.nextInt(50);
    client.request(new WhereIs(entity)).thenAccept(p -> {
      if (p != null) {
        answers.incrementAndGet();
      }
    });
  }

  public Joined joined() {
    return joined;
  }

  public PacketClient client() {
    return client;
  }

  /** Positions received in snapshots so far. */
  public long spotsSeen() {
    return spots.get();
  }

  /** WhereIs questions answered with a position so far. */
  public long answers() {
    return answers.get();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    client.close();
  }
}
