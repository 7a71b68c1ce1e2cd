package dev.packets.game.node;

import dev.packets.server.ServerConfig;
import java.util.List;

/**
 * How one node serves its players.
 *
 * @param host the address to listen on
 * @param port the port (0: any free one)
 * @param tls https and wss when not null
 * @param url the node's address as browsers and bots reach it (what a {@code Redirect} to this node names)
 * @param origins the other nodes' origins, whose pages may connect here when a player moves over
 * @param maxPlayers players at most on this node (joins beyond get 503, players crossing in bounce)
 * @param maxPlayersPerAddress players at most from one client address on this node (joins beyond get 429)
 */
public record GameSetup(String host, int port, ServerConfig.Tls tls, String url, List<String> origins, int maxPlayers,
    int maxPlayersPerAddress) {
  /** Players at most on a node, by default. */
  public static final int MAX_PLAYERS = 200;
  /** Players at most from one address on a node, by default. */
  public static final int MAX_PLAYERS_PER_ADDRESS = 16;

  /** A plain-http node on {@code host:port} with the default limits and no other origins. */
  public static GameSetup of(String host, int port) {
    return new GameSetup(host, port, null, "http://" + host + ":" + port, List.of(), MAX_PLAYERS,
        MAX_PLAYERS_PER_ADDRESS);
  }

  public GameSetup withLimits(int players, int perAddress) {
    return new GameSetup(host, port, tls, url, origins, players, perAddress);
  }
}
