package dev.packets.game;

import dev.packets.game.bot.Bot;
import dev.packets.game.node.GameNode;
import dev.packets.game.node.GameServer;
import dev.packets.game.sim.Simulation;
import dev.packets.intercom.Intercom;
import dev.packets.intercom.LocalHub;
import dev.packets.intercom.redis.RedisIntercom;
import dev.packets.intercom.redis.RedisIntercomBuilder;
import dev.packets.server.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the example game.
 *
 * <pre>
 * GameMain [--nodes 3] [--port 8080] [--host 127.0.0.1] [--entities 500] [--seed 42] [--bots 0]
 *          [--tls-cert server.crt --tls-key server.key]              https and wss, the files reloaded on change
 * GameMain --redis redis://127.0.0.1:6379 --node 2 [--port 8081] ...   one node of several processes
 * </pre>
 *
 * <p>Without {@code --redis}, {@code --nodes} nodes run in this JVM on a local intercom, on consecutive ports.
 * With it, this process is node {@code --node} (1-based) and finds the others through Redis.
 */
public final class GameMain {
  private static final Logger LOG = LoggerFactory.getLogger(GameMain.class);

  private GameMain() {}

  /** The parsed command line; {@code tls} is null for plain http. */
  record Options(int nodes, int node, String redis, String host, int port, int entities, long seed, int bots,
      ServerConfig.Tls tls) {
    Options(int nodes, int node, String redis, String host, int port, int entities, long seed, int bots) {
      this(nodes, node, redis, host, port, entities, seed, bots, null);
    }

    String scheme() {
      return tls == null ? "http" : "https";
    }

    static Options parse(String[] args) {
      int nodes = 3;
      int node = 1;
      String redis = null;
      String host = "127.0.0.1";
      int port = 8080;
      int entities = 500;
      long seed = 42;
      int bots = 0;
      Path tlsCert = null;
      Path tlsKey = null;
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--nodes" -> nodes = Integer.parseInt(value);
          case "--node" -> node = Integer.parseInt(value);
          case "--redis" -> redis = value;
          case "--host" -> host = value;
          case "--port" -> port = Integer.parseInt(value);
          case "--entities" -> entities = Integer.parseInt(value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--bots" -> bots = Integer.parseInt(value);
          case "--tls-cert" -> tlsCert = Path.of(value);
          case "--tls-key" -> tlsKey = Path.of(value);
          case "--help", "-h" -> {
            System.out.println("usage: GameMain [--nodes 3] [--port 8080] [--host 127.0.0.1] [--entities 500] "
                + "[--seed 42] [--bots 0] [--tls-cert server.crt --tls-key server.key] [--redis redis://host:port --node N]");
            System.exit(0);
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
        }
        i++;
      }
      if ((tlsCert == null) != (tlsKey == null)) {
        throw new IllegalArgumentException("--tls-cert and --tls-key go together");
      }
      return new Options(nodes, node, redis, host, port, entities, seed, bots,
          tlsCert == null ? null : ServerConfig.Tls.pem(tlsCert, tlsKey));
    }
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    List<GameServer> servers = start(options);
    List<Bot> bots = new ArrayList<>();
    for (int i = 0; i < options.bots(); i++) {
      GameServer server = servers.get(i % servers.size());
      bots.add(new Bot(URI.create(options.scheme() + "://127.0.0.1:" + server.port()), "bot-" + (i + 1),
          options.seed() + i, Math.max(options.nodes(), options.node()),
          options.tls() == null ? null : options.tls().certificates()).start());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping");
      bots.forEach(Bot::close);
      servers.forEach(GameServer::close);
      stopped.countDown();
    }));
    for (GameServer server : servers) {
      System.out.printf("%s: open %s://%s:%d/game/%n", server.node().name(), options.scheme(),
          options.host().equals("0.0.0.0") ? "127.0.0.1" : options.host(), server.port());
    }
    System.out.println("Ctrl-C stops" + (bots.isEmpty() ? "" : "; " + bots.size() + " bots playing"));
    stopped.await();
  }

  /** Starts the nodes this process runs. */
  static List<GameServer> start(Options options) {
    List<GameServer> servers = new ArrayList<>();
    if (options.redis() == null) {
      LocalHub hub = LocalHub.binary(GameServer.PACKETS);
      for (int i = 0; i < options.nodes(); i++) {
        String name = "node-" + (i + 1);
        servers.add(node(name, i, hub.join(name), options, options.port() == 0 ? 0 : options.port() + i));
      }
    } else {
      String name = "node-" + options.node();
      RedisIntercomBuilder builder = RedisIntercom.builder(options.redis()).id(name).registry(GameServer.PACKETS);
      // the cluster's secret from the environment; without one the nodes run unauthenticated (and say so)
      String secret = System.getenv("PACKETS_INTERCOM_SECRET");
      Intercom intercom = (secret == null || secret.isEmpty() ? builder.insecure() : builder.secret(secret)).start();
      servers.add(node(name, options.node() - 1, intercom, options, options.port()));
    }
    return servers;
  }

  private static GameServer node(String name, int index, Intercom intercom, Options options, int port) {
    GameNode node = new GameNode(name, new Simulation(index, options.seed(), options.entities()), intercom,
        Duration.ofMillis(500));
    return new GameServer(node, options.host(), port, options.tls()).start();
  }
}
