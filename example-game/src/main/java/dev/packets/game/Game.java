package dev.packets.game;

import dev.packets.game.node.GameNode;
import dev.packets.game.node.GameServer;
import dev.packets.game.node.GameSetup;
import dev.packets.game.node.Ledger;
import dev.packets.game.node.LocalLedger;
import dev.packets.game.node.RedisLedger;
import dev.packets.game.sim.Simulation;
import dev.packets.game.sim.World;
import dev.packets.intercom.Intercom;
import dev.packets.intercom.LocalHub;
import dev.packets.intercom.redis.RedisIntercom;
import dev.packets.intercom.redis.RedisIntercomBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The nodes this process runs, and what they share: {@code --nodes} nodes on a local intercom and a {@link
 * LocalLedger} (the default), or node {@code --node} of a world whose nodes find each other, and the ledger, in
 * Redis.
 */
public final class Game implements AutoCloseable {
  private final List<GameServer> servers;
  private final Ledger ledger;
  private final List<String> urls;

  private Game(List<GameServer> servers, Ledger ledger, List<String> urls) {
    this.servers = servers;
    this.ledger = ledger;
    this.urls = urls;
  }

  /** Starts the nodes {@code options} ask for. */
  public static Game start(GameMain.Options options) {
    World world = new World(options.nodes());
    List<Integer> ports = ports(options);
    String host = options.host().equals("0.0.0.0") ? "127.0.0.1" : options.host();
    List<String> urls = new ArrayList<>();
    Set<String> origins = new LinkedHashSet<>();
    for (int port : ports) {
      urls.add(options.scheme() + "://" + host + ":" + port);
      origins.add(options.scheme() + "://" + host + ":" + port);
      origins.add(options.scheme() + "://127.0.0.1:" + port);
      origins.add(options.scheme() + "://localhost:" + port);
    }
    List<GameServer> servers = new ArrayList<>();
    Ledger ledger;
    if (options.redis() == null) {
      ledger = new LocalLedger();
      LocalHub hub = LocalHub.binary(GameServer.PACKETS);
      for (int i = 0; i < options.nodes(); i++) {
        servers.add(node(world, i, hub.join(World.nodeName(i)), ledger, options, ports.get(i), urls.get(i),
            origins));
      }
    } else {
      ledger = new RedisLedger(options.redis(), "seed-" + options.seed() + "-nodes-" + options.nodes());
      int i = options.node() - 1;
      RedisIntercomBuilder builder = RedisIntercom.builder(options.redis()).id(World.nodeName(i))
          .registry(GameServer.PACKETS);
      // the cluster's secret from the environment; without one the nodes run unauthenticated (and say so)
      String secret = System.getenv("PACKETS_INTERCOM_SECRET");
      Intercom intercom = (secret == null || secret.isEmpty() ? builder.insecure() : builder.secret(secret)).start();
      servers.add(node(world, i, intercom, ledger, options, ports.get(i), urls.get(i), origins));
    }
    return new Game(servers, ledger, urls);
  }

  /**
   * The ports of every node: consecutive from {@code --port} (node N on port + N - 1), or, with port 0, free ones
   * picked now (so that every node knows the others' addresses before it starts).
   */
  private static List<Integer> ports(GameMain.Options options) {
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < options.nodes(); i++) {
      if (options.port() != 0) {
        ports.add(options.port() + i - (options.redis() == null ? 0 : options.node() - 1));
      } else {
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
          ports.add(free.getLocalPort());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return ports;
  }

  private static GameServer node(World world, int index, Intercom intercom, Ledger ledger,
      GameMain.Options options, int port, String url, Set<String> origins) {
    GameNode node = new GameNode(new Simulation(index, world, options.seed()), intercom, ledger,
        Duration.ofMillis(500));
    GameSetup setup = new GameSetup(options.host(), port, options.tls(), url, List.copyOf(origins),
        options.maxPlayers(), options.maxPlayersPerAddress());
    return new GameServer(node, setup).start(Simulation.firstEntities(index, world, options.seed(),
        options.entities()));
  }

  public List<GameServer> servers() {
    return servers;
  }

  public GameServer server(int index) {
    return servers.get(index);
  }

  /** Every node's address, this process's or not: node 1's first. */
  public List<String> urls() {
    return urls;
  }

  public Ledger ledger() {
    return ledger;
  }

  @Override
  public void close() {
    for (GameServer server : servers) {
      server.close();
      server.node().intercom().close();
    }
    ledger.close();
  }
}
