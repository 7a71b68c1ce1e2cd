package dev.packets.game.node;

import dev.packets.socketio.PacketError;
import dev.packets.Bundle;
import dev.packets.PacketRegistry;
import dev.packets.game.sim.Entity;
import dev.packets.game.sim.Simulation;
import dev.packets.game.wire.Chat;
import dev.packets.game.wire.Input;
import dev.packets.game.wire.Join;
import dev.packets.game.wire.Joined;
import dev.packets.game.wire.Position;
import dev.packets.game.wire.Spots;
import dev.packets.game.wire.Tick;
import dev.packets.game.wire.WhereIs;
import dev.packets.server.Acceptor;
import dev.packets.server.PacketServer;
import dev.packets.server.PacketSocket;
import dev.packets.server.ServerConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * One node's face to its players: a {@link PacketServer} whose acceptors join players, steer them, answer
 * {@code WhereIs} (through the intercom when another node owns the entity) and relay chat; and, every tick, a
 * snapshot Bundle — {@code Tick} then {@code Spots} of the entities near each player — to every joined socket.
 */
public final class GameServer implements AutoCloseable {
  /** The packets the game speaks. */
  public static final PacketRegistry PACKETS = PacketRegistry.of(Join.class, Joined.class, Input.class,
      WhereIs.class, Position.class, Tick.class, Spots.class, Chat.class);
  /** Players see the entities within this distance. */
  public static final float VIEW = 250f;
  /** The longest chat line accepted, in characters. */
  public static final int MAX_CHAT = 200;
  private static final int SPOTS_PER_PACKET = 200;
  private static final PacketSocket.Key<Integer> PLAYER = new PacketSocket.Key<>("player", Integer.class);
  /** The node whose simulation holds the player's entity. */
  private static final PacketSocket.Key<String> HOME = new PacketSocket.Key<>("home", String.class);
  /**
   * A player whose connection drops keeps its entity for 30 s; chat sent meanwhile is kept for it (snapshots are
   * not: a parked socket gets none, and the next one shows the world as it is).
   */
  public static final ServerConfig.Recovery RECOVERY = new ServerConfig.Recovery(java.time.Duration.ofSeconds(30),
      256, 256 * 1024, 10_000);

  private final GameNode node;
  private final PacketServer server;

  public GameServer(GameNode node, String host, int port) {
    this(node, host, port, null);
  }

  /** A node served over https and wss when {@code tls} is not null. */
  public GameServer(GameNode node, String host, int port, ServerConfig.Tls tls) {
    this.node = node;
    this.server = PacketServer.builder()
        .host(host)
        .port(port)
        .tls(tls)
        .packets(PACKETS)
        .intercom(node.intercom())
        .resources("/game", "dev/packets/game/web")
        .accept(Join.class, new JoinAcceptor())
        .accept(Input.class, new InputAcceptor())
        .answerLater(WhereIs.class, (ask, socket) -> node.whereIs(ask.entity()))
        .accept(Chat.class, new ChatAcceptor())
        .recovery(RECOVERY)
        .onConnect(socket -> {
          // a session recovered from another node: its entity lives in that node's simulation (which let it go
          // when the session moved): the player joins this node again
          if (socket.recovered() && !node.name().equals(socket.get(HOME))) {
            socket.set(PLAYER, null);
            socket.set(HOME, null);
          }
        })
        .onDisconnect((socket, reason) -> {
          Integer player = socket.get(PLAYER);
          if (player != null) {
            node.call(sim -> {
              sim.leave(player);
              return null;
            });
          }
        })
        .build();
    node.onTick(this::snapshot);
  }

  public GameServer start() {
    server.start();
    node.start();
    return this;
  }

  public int port() {
    return server.port();
  }

  public PacketServer server() {
    return server;
  }

  public GameNode node() {
    return node;
  }

  /** Runs on the node's loop thread after each tick. */
  private void snapshot(Simulation sim) {
    Tick tick = new Tick((int) sim.tick(), node.name());
    for (PacketSocket socket : server.sockets()) {
      Integer player = socket.get(PLAYER);
      if (player == null || !socket.connected()) {
        continue;
      }
      Entity me = sim.find(player);
      List<Entity> near = me == null ? List.of() : sim.near(me.x(), me.y(), VIEW);
      List<Object> packets = new ArrayList<>();
      packets.add(tick);
      List<Spots.Spot> spots = new ArrayList<>();
      for (Entity e : near) {
        spots.add(spot(e));
        if (spots.size() == SPOTS_PER_PACKET) {
          packets.add(new Spots(spots));
          spots = new ArrayList<>();
        }
      }
      if (!spots.isEmpty()) {
        packets.add(new Spots(spots));
      }
      try {
        socket.push(new Bundle(packets));
      } catch (dev.packets.PacketException e) {
        // one player's view that cannot be encoded must not cost the others theirs
        org.slf4j.LoggerFactory.getLogger(GameServer.class).warn("cannot send tick {} to {}: {}", tick.tick(),
            socket, e.getMessage());
      }
    }
  }

  private static Spots.Spot spot(Entity e) {
    int heading = Math.round(e.heading() / (float) (2 * Math.PI) * 256) & 0xFF;
    return new Spots.Spot(e.id(), Math.round(e.x() * Spots.Spot.SCALE), Math.round(e.y() * Spots.Spot.SCALE), heading);
  }

  private final class JoinAcceptor implements Acceptor<Join> {
    @Override
    public void validate(Join join, PacketSocket socket) throws PacketError {
      if (join.name().isBlank() || join.name().length() > 32) {
        throw new PacketError(400, "a name is 1 to 32 characters");
      }
      if (socket.get(PLAYER) != null) {
        throw new PacketError(409, "already joined as entity " + socket.get(PLAYER));
      }
    }

    @Override
    public Object respond(Join join, PacketSocket socket) {
      return node.call(sim -> {
        Entity e = sim.join();
        socket.set(PLAYER, e.id());
        socket.set(HOME, node.name());
        return (Object) new Joined(e.id(), node.name(), Simulation.WORLD);
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
        sim.steer(input.entity(), input.heading(), input.speed());
        return (Object) null;
      });
    }
  }

  private final class ChatAcceptor implements Acceptor<Chat> {
    @Override
    public void validate(Chat chat, PacketSocket socket) throws PacketError {
      if (chat.text().length() > MAX_CHAT) {
        throw new PacketError(413, "chat of " + chat.text().length() + " characters (at most " + MAX_CHAT + ")");
      }
    }

    @Override
    public Object respond(Chat chat, PacketSocket socket) {
      server.broadcast(chat);
      return null;
    }
  }

  @Override
  public void close() {
    server.close();
    node.close();
  }
}
