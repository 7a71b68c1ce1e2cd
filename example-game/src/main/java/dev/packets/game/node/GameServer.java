package dev.packets.game.node;

import dev.packets.PacketRegistry;
import dev.packets.Redirect;
import dev.packets.game.sim.Entity;
import dev.packets.game.sim.EntityState;
import dev.packets.game.sim.Simulation;
import dev.packets.game.sim.World;
import dev.packets.game.wire.Chat;
import dev.packets.game.wire.Input;
import dev.packets.game.wire.Join;
import dev.packets.game.wire.Joined;
import dev.packets.game.wire.NodeInfo;
import dev.packets.game.wire.Nodes;
import dev.packets.game.wire.Position;
import dev.packets.game.wire.Spots;
import dev.packets.game.wire.Tick;
import dev.packets.game.wire.WhereIs;
import dev.packets.server.Acceptor;
import dev.packets.server.PacketServer;
import dev.packets.server.PacketSocket;
import dev.packets.server.ServerConfig;
import dev.packets.socketio.PacketError;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's face to its players: a {@link PacketServer} whose acceptors join players, steer them, answer
 * {@code WhereIs} for what they can see and relay their chat to every node; every tick a {@link Snapshots
 * snapshot}; every second the nodes' {@link NodeStats}. A player whose entity was handed to another node gets a
 * {@link Redirect} to that node, where its session (and entity) carry on.
 */
public final class GameServer implements AutoCloseable {
  /** The packets the game speaks. */
  public static final PacketRegistry PACKETS = PacketRegistry.of(Join.class, Joined.class, Input.class,
      WhereIs.class, Position.class, Tick.class, Spots.class, Chat.class, NodeInfo.class, Nodes.class);
  /** Players see the entities (and other players) within this distance. */
  public static final float VIEW = 250f;
  /** The player's entity. */
  static final PacketSocket.Key<Integer> PLAYER = new PacketSocket.Key<>("player", Integer.class);
  /** The player's name, which its chat lines go out under. */
  static final PacketSocket.Key<String> NAME = new PacketSocket.Key<>("name", String.class);
  /** Whether the player watches the whole world. */
  static final PacketSocket.Key<Boolean> WATCH = new PacketSocket.Key<>("watch", Boolean.class);
  /** The node the player was sent to, while its client has not gone there yet. */
  private static final PacketSocket.Key<String> MOVED_TO = new PacketSocket.Key<>("moved-to", String.class);
  /**
   * A player whose connection drops keeps its entity for 30 s; chat sent meanwhile is kept for it (snapshots are
   * not: a parked socket gets none, and the next one shows the world as it is). The same carries a player's
   * session to the node it was redirected to.
   */
  public static final ServerConfig.Recovery RECOVERY = new ServerConfig.Recovery(Duration.ofSeconds(30), 256,
      256 * 1024, 10_000);
  private static final Logger LOG = LoggerFactory.getLogger(GameServer.class);

  private final GameNode node;
  private final GameSetup setup;
  private final PacketServer server;
  private final NodeStats stats;
  /** Players of this region whose session is on no socket here, since when (System.nanoTime()). */
  private final Map<Integer, Long> orphans = new HashMap<>();

  public GameServer(GameNode node, GameSetup setup) {
    this.node = node;
    this.setup = setup;
    this.server = PacketServer.builder()
        .host(setup.host())
        .port(setup.port())
        .tls(setup.tls())
        .packets(PACKETS)
        .intercom(node.intercom())
        .allowedOrigins(setup.origins().toArray(String[]::new))
        // a page that reconnects, a player on its way here: room for each player from an address, and more
        .maxConnectionsPerAddress(Math.max(64, 2 * setup.maxPlayersPerAddress()))
        .resources("/game", "dev/packets/game/web")
        .accept(Join.class, new JoinAcceptor())
        .accept(Input.class, new InputAcceptor())
        .answerLater(WhereIs.class, this::whereIs)
        .accept(Chat.class, new ChatAcceptor())
        .recovery(RECOVERY)
        .onConnect(this::arrived)
        .onDisconnect((socket, reason) -> {
          Integer player = socket.get(PLAYER);
          if (player != null) {
            node.leave(player); // a player that moved on has left this region already: nothing to do
          }
        })
        .build();
    this.stats = new NodeStats(node, server, setup.url());
    Snapshots snapshots = new Snapshots(node, server);
    node.onTick(snapshots::send);
    node.onPlayerMoved(this::redirect);
    node.playerRoom(entity -> node.players() < setup.maxPlayers());
  }

  public GameServer start(java.util.List<EntityState> seed) {
    server.start();
    node.start(seed);
    node.call(sim -> {
      stats.publish(); // at once: the other nodes learn this one's address before any player crosses
      return null;
    });
    node.every(Duration.ofSeconds(1), () -> {
      stats.publish();
      sweepOrphans();
    });
    return this;
  }

  public int port() {
    return server.port();
  }

  /** The node's address, as a {@code Redirect} to it names it. */
  public String url() {
    return setup.url();
  }

  public PacketServer server() {
    return server;
  }

  public GameNode node() {
    return node;
  }

  /**
   * A socket connected: one whose session came from another node brings its player along when that player's
   * entity is here now (it was redirected), and is told so with a new {@link Joined}; otherwise the player joins
   * this node again.
   */
  private void arrived(PacketSocket socket) {
    Integer player = socket.get(PLAYER);
    if (!socket.recovered() || player == null) {
      return;
    }
    if (node.holds(player)) {
      if (socket.get(MOVED_TO) != null) {
        socket.set(MOVED_TO, null);
        socket.push(new Joined(player, node.name(), socket.get(NAME), node.world().width(), World.HEIGHT));
      }
    } else {
      socket.set(PLAYER, null);
    }
  }

  /** On the loop thread: player {@code entity} now lives on node {@code to}: its client follows. */
  private void redirect(int entity, String to) {
    redirect(entity, to, 0);
  }

  /**
   * Sends the {@link Redirect}; while {@code to}'s address is not known yet (a node that has just started, whose
   * first {@link NodeInfo} has not come), tries again every 200 ms for 5 s, then closes the socket (its client comes
   * back here, and joins again).
   */
  private void redirect(int entity, String to, int attempt) {
    String url = stats.urlOf(to);
    for (PacketSocket socket : server.where(PLAYER, entity).sockets()) {
      socket.set(MOVED_TO, to);
      if (url != null) {
        socket.push(new Redirect(url + "/game/"));
      } else if (attempt < 25) {
        node.later(Duration.ofMillis(200), () -> redirect(entity, to, attempt + 1));
        return;
      } else {
        LOG.warn("player {} moved to {}, whose address is not known: its client comes back and joins again", entity,
            to);
        socket.close("moved to " + to);
      }
    }
  }

  /** Every second: a player entity here whose client never came (redirected, and gone) leaves after 30 s. */
  private void sweepOrphans() {
    Set<Integer> claimed = new HashSet<>();
    for (PacketSocket socket : server.sockets()) {
      Integer player = socket.get(PLAYER);
      if (player != null) {
        claimed.add(player);
      }
    }
    node.call(sim -> {
      long now = System.nanoTime();
      Set<Integer> here = new HashSet<>();
      for (Entity e : sim.entities()) {
        if (e.player() && !claimed.contains(e.id())) {
          here.add(e.id());
        }
      }
      orphans.keySet().retainAll(here);
      for (int id : here) {
        long since = orphans.computeIfAbsent(id, k -> now);
        if (now - since > RECOVERY.maxDisconnection().toNanos()) {
          orphans.remove(id);
          node.leave(id);
        }
      }
      return null;
    });
  }

  private CompletableFuture<Position> whereIs(WhereIs ask, PacketSocket socket) {
    Integer player = socket.get(PLAYER);
    if (player == null) {
      throw new PacketError(401, "join first");
    }
    boolean world = Boolean.TRUE.equals(socket.get(WATCH));
    return node.call(sim -> {
      Entity me = sim.find(player);
      return me == null ? null : new float[] {me.x(), me.y()};
    }).thenCompose(me -> node.whereIs(ask.entity()).thenApply(where -> {
      if (ask.entity() == player) {
        return where;
      }
      boolean near = me != null && where != null
          && Math.hypot(where.x() - me[0], where.y() - me[1]) <= VIEW;
      if (where == null || !(near || world && !Simulation.isPlayer(ask.entity()))) {
        throw new PacketError(403, "entity " + ask.entity() + " is not in your view");
      }
      return where;
    }));
  }

  private final class JoinAcceptor implements Acceptor<Join> {
    @Override
    public void validate(Join join, PacketSocket socket) throws PacketError {
      String name = join.name().strip();
      if (name.isEmpty() || name.length() > 32 || !name.codePoints().allMatch(c -> c >= 0x20 && c != 0x7F)) {
        throw new PacketError(400, "Join.name: a name is 1 to 32 printable characters");
      }
      if (socket.get(PLAYER) != null) {
        throw new PacketError(409, "already joined as entity " + socket.get(PLAYER));
      }
      if (node.players() >= setup.maxPlayers()) {
        throw new PacketError(503, node.name() + " is full (at most " + setup.maxPlayers() + " players)");
      }
      long fromAddress = server.sockets().stream().filter(s -> s.get(PLAYER) != null
          && socket.remoteAddress().equals(s.remoteAddress())).count();
      if (fromAddress >= setup.maxPlayersPerAddress()) {
        throw new PacketError(429, "at most " + setup.maxPlayersPerAddress() + " players from one address on "
            + node.name());
      }
    }

    @Override
    public Object respond(Join join, PacketSocket socket) {
      return node.join().thenApply(state -> {
        String name = join.name().strip();
        socket.set(PLAYER, state.id());
        socket.set(NAME, name);
        socket.set(WATCH, join.world());
        return (Object) new Joined(state.id(), node.name(), name, node.world().width(), World.HEIGHT);
      });
    }
  }

  private final class InputAcceptor implements Acceptor<Input> {
    @Override
    public void validate(Input input, PacketSocket socket) throws PacketError {
      Integer player = socket.get(PLAYER);
      if (player == null) {
        throw new PacketError(401, "join first");
      }
      if (input.entity() != player) {
        throw new PacketError(403, "entity " + input.entity() + " is not yours (you are " + player + ")");
      }
      if (!(input.speed() >= 0) || input.speed() > Simulation.MAX_SPEED) {
        throw new PacketError(422, "speed " + input.speed() + " is too fast (at most " + Simulation.MAX_SPEED + ")");
      }
      if (!Float.isFinite(input.heading())) {
        throw new PacketError(422, "heading " + input.heading() + " is not a number of radians");
      }
    }

    @Override
    public Object respond(Input input, PacketSocket socket) {
      return node.call(sim -> {
        Entity e = sim.find(input.entity());
        if (e != null && !e.leaving()) {
          sim.steer(input.entity(), input.heading(), input.speed());
        }
        // leaving, or gone to another node: the client is on its way there, and steers there
        return (Object) null;
      });
    }
  }

  private final class ChatAcceptor implements Acceptor<Chat> {
    @Override
    public void validate(Chat chat, PacketSocket socket) throws PacketError {
      if (socket.get(PLAYER) == null) {
        throw new PacketError(401, "join first");
      }
      ChatRules.check(chat, socket, System.currentTimeMillis());
    }

    @Override
    public Object respond(Chat chat, PacketSocket socket) {
      server.broadcast(new Chat(socket.get(NAME), chat.text(), chat.meta() == null ? Map.of() : chat.meta()));
      return null;
    }
  }

  @Override
  public void close() {
    server.close();
    node.close();
    stats.close();
  }
}
