package dev.packets.game;

import dev.packets.game.bot.Bot;
import dev.packets.game.bot.Load;
import dev.packets.game.node.GameServer;
import dev.packets.game.node.GameSetup;
import dev.packets.server.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the example game.
 *
 * <pre>
 * GameMain [--nodes 3] [--port 8080] [--host 127.0.0.1] [--entities 500] [--seed 42] [--bots 6]
 *          [--max-players 200] [--max-players-per-address 16]
 *          [--tls-cert server.crt --tls-key server.key]              https and wss, the files reloaded on change
 * GameMain --redis redis://127.0.0.1:6379 --node 2 [--nodes 3] [--port 8081] ...   one node of several processes
 * GameMain --load 50 --seconds 20 [--nodes 3] ...                     bots against the nodes, a summary, exit 1 on errors
 * </pre>
 *
 * <p>Without {@code --redis}, {@code --nodes} nodes run in this JVM on a local intercom, on consecutive ports from
 * {@code --port}. With it, this process is node {@code --node} (1-based), on port {@code --port} (by default 8080 +
 * node - 1; the others are expected on the ports beside it), and finds the others and the world's ledger through
 * Redis.
 */
public final class GameMain {
  private static final Logger LOG = LoggerFactory.getLogger(GameMain.class);

  /** Bots that play by default, two a node of the default three: a newcomer's page has company and chat. */
  static final int DEFAULT_BOTS = 6;

  private GameMain() {}

  /** The parsed command line; {@code tls} is null for plain http, {@code load} 0 for a game that runs until stopped. */
  public record Options(int nodes, int node, String redis, String host, int port, int entities, long seed, int bots,
      ServerConfig.Tls tls, int maxPlayers, int maxPlayersPerAddress, int load, int seconds) {

    /** {@code nodes} nodes in this JVM on free ports, with {@code entities} wanderers each. */
    public static Options local(int nodes, int entities) {
      return new Options(nodes, 1, null, "127.0.0.1", 0, entities, 42, 0, null, GameSetup.MAX_PLAYERS,
          GameSetup.MAX_PLAYERS_PER_ADDRESS, 0, 0);
    }

    /** Node {@code node} of {@code nodes}, through the Redis at {@code redis}, on a free port. */
    public static Options redis(String redis, int node, int nodes, int entities) {
      return new Options(nodes, node, redis, "127.0.0.1", 0, entities, 42, 0, null, GameSetup.MAX_PLAYERS,
          GameSetup.MAX_PLAYERS_PER_ADDRESS, 0, 0);
    }

    public Options withLimits(int players, int perAddress) {
      return new Options(nodes, node, redis, host, port, entities, seed, bots, tls, players, perAddress, load,
          seconds);
    }

    String scheme() {
      return tls == null ? "http" : "https";
    }

    static Options parse(String[] args) {
      int nodes = 3;
      int node = 1;
      String redis = null;
      String host = "127.0.0.1";
      Integer port = null;
      int entities = 500;
      long seed = 42;
      int bots = DEFAULT_BOTS;
      int maxPlayers = GameSetup.MAX_PLAYERS;
      Integer perAddress = null;
      int load = 0;
      int seconds = 20;
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
          case "--max-players" -> maxPlayers = Integer.parseInt(value);
          case "--max-players-per-address" -> perAddress = Integer.parseInt(value);
          case "--load" -> load = Integer.parseInt(value);
          case "--seconds" -> seconds = Integer.parseInt(value);
          case "--tls-cert" -> tlsCert = Path.of(value);
          case "--tls-key" -> tlsKey = Path.of(value);
          case "--help", "-h" -> {
            System.out.println("usage: GameMain [--nodes 3] [--port 8080] [--host 127.0.0.1] [--entities 500] "
                + "[--seed 42] [--bots 6] [--max-players 200] [--max-players-per-address 16] "
                + "[--tls-cert server.crt --tls-key server.key] [--redis redis://host:port --node N] "
                + "[--load N --seconds S]");
            System.exit(0);
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
        }
        i++;
      }
      if (port == null) {
        // one node a process: node N on 8080 + N - 1, where the others expect it
        port = redis == null ? 8080 : 8080 + node - 1;
      }
      if ((tlsCert == null) != (tlsKey == null)) {
        throw new IllegalArgumentException("--tls-cert and --tls-key go together");
      }
      // bots all come from this machine's address: a node takes as many of them as it is given
      int players = Math.max(bots, load);
      return new Options(nodes, node, redis, host, port, entities, seed, bots,
          tlsCert == null ? null : ServerConfig.Tls.pem(tlsCert, tlsKey), Math.max(maxPlayers, players + 8),
          perAddress != null ? perAddress : Math.max(GameSetup.MAX_PLAYERS_PER_ADDRESS, players + 8), load, seconds);
    }
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Game game = Game.start(options);
    if (options.load() > 0) {
      int status;
      try {
        Load.Summary summary = Load.run(game, options.load(), options.seconds(), options.seed(),
            options.tls() == null ? null : options.tls().certificates());
        System.out.println(summary);
        status = summary.errors() == 0 ? 0 : 1;
      } finally {
        game.close();
      }
      System.exit(status);
    }
    List<Bot> bots = new ArrayList<>();
    for (int i = 0; i < options.bots(); i++) {
      // this process's nodes: with --redis the others may not be up yet (the bots walk over to them later)
      String url = game.servers().get(i % game.servers().size()).url();
      String name = "bot-" + (options.redis() == null ? "" : options.node() + "-") + (i + 1);
      try {
        bots.add(new Bot(URI.create(url), name, options.seed() + i,
            options.tls() == null ? null : options.tls().certificates()).start());
      } catch (Exception e) {
        LOG.warn("{} could not join {}: {}", name, url, e.toString());
      }
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping");
      bots.forEach(Bot::close);
      game.close();
      stopped.countDown();
    }));
    for (GameServer server : game.servers()) {
      System.out.printf("%s: open %s/game/%n", server.node().name(), server.url());
    }
    System.out.println("Ctrl-C stops" + (bots.isEmpty() ? "" : "; " + bots.size() + " bots playing"));
    stopped.await();
  }
}
