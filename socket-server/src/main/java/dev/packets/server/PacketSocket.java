package dev.packets.server;

import dev.packets.socketio.PacketError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connected client: its handshake, session attributes and rooms, and the way to send it packets. Every send
 * goes into the socket's {@link Mailbox} and is written from there: the caller never writes to the connection nor
 * waits for it.
 */
public final class PacketSocket {
  private final PacketServer server;
  private final Outbound outbound;
  /** The connection it is on now, Socket.IO's or the lane's (a recovered session is on a new one). */
  private volatile Link link;
  /** Its id for the whole session: its first connection's, kept when the session is recovered. */
  private final String id;
  private volatile String address;
  private final Object auth;
  /** The session's private id (Socket.IO's {@code pid}) when sessions can be recovered, else null. */
  final String pid;
  /** The pushes it may have to be sent again (sessions that can be recovered), else null; guarded by this. */
  final Backlog backlog;
  /** Whether the session is parked: its connection is gone and it waits to be recovered (guarded by this). */
  boolean parked;
  /**
   * Whether its client reads packets as JSON (a client without codecs): pushes and packet responses go to it
   * dehydrated, {@code ["Echo",{"text":"hi"}]}. Set when it asks for it at connect ({@code {"packets":"json"}} in its
   * auth) or when its first packet is dehydrated, unless it said {@code {"packets":"binary"}}.
   */
  volatile boolean json;
  /** Whether it has sent a packet yet (its first one decides {@link #json}). */
  volatile boolean spoken;
  /** A connection taken over by the client's return (its late disconnect is ignored). */
  Link takenOver;
  /** Set when the server ends the connection (a close, a refusal, an overflow): such a session is not parked. */
  volatile boolean ending;
  private volatile boolean recovered;
  /** Made on first use: most sockets never need them, and every idle connection would pay for them. */
  private volatile Map<Object, Object> attributes;
  private volatile Set<String> rooms;
  /** This socket's packet queue while it is connected, else null. */
  volatile Lane lane;
  /** Set (under this socket's lock) when it disconnected, so a late admission does not count it in. */
  boolean gone;
  /** Whether its connection now is counted in the server's connections (it was admitted on it); under the lock. */
  boolean counted;
  private volatile Object principal;
  private volatile Object clientData;
  /** Whether a re-authentication of this socket is in flight (one at a time). */
  final AtomicBoolean reauthenticating = new AtomicBoolean();
  private volatile Mailbox mailbox;
  /**
   * The server's sends that wait for this client's ack, by the server's own ack id; made on the first such send
   * (an idle connection pays for no table).
   */
  private volatile Map<Integer, CompletableFuture<Object>> awaiting;
  private static final java.util.concurrent.atomic.AtomicIntegerFieldUpdater<PacketSocket> NEXT_ACK =
      java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(PacketSocket.class, "nextAck");
  private volatile int nextAck;

  PacketSocket(PacketServer server, Outbound outbound, Link link, String firstId, Object auth, Mailbox mailbox,
      String address, String pid, Backlog backlog, String id) {
    this.server = server;
    this.outbound = outbound;
    this.address = address;
    this.link = link;
    this.auth = auth;
    this.mailbox = mailbox;
    this.pid = pid;
    this.backlog = backlog;
    this.id = id == null ? firstId : id;
  }

  /** The session comes back on another connection: the caller holds this socket's lock. */
  void resume(Link link, Mailbox mailbox, String address) {
    this.link = link;
    this.mailbox = mailbox;
    this.address = address;
    this.recovered = true;
  }

  /**
   * Whether this connection recovered an earlier session (Socket.IO's connection state recovery): its id,
   * principal, attributes and rooms are the session's, and the pushes it missed were sent again, in order.
   */
  public boolean recovered() {
    return recovered;
  }

  Mailbox mailbox() {
    return mailbox;
  }

  /** The next ack id of the server's own sends to this socket (1..2^31-1, then round again). */
  int nextAckId() {
    return NEXT_ACK.incrementAndGet(this) & Integer.MAX_VALUE;
  }

  /** The sends awaiting this client's ack, the table made if need be. */
  Map<Integer, CompletableFuture<Object>> awaiting() {
    Map<Integer, CompletableFuture<Object>> map = awaiting;
    if (map == null) {
      synchronized (this) {
        map = awaiting;
        if (map == null) {
          awaiting = map = new ConcurrentHashMap<>();
        }
      }
    }
    return map;
  }

  /** The sends awaiting this client's ack, or null when there never was one. */
  Map<Integer, CompletableFuture<Object>> awaitingOrNull() {
    return awaiting;
  }

  /** A typed key for {@link #get}/{@link #set}. */
  public record Key<T>(String name, Class<T> type) {}

  public String id() {
    return id;
  }

  /** The id of the connection under this socket (engine.io's session id, or the lane's). */
  String session() {
    return link.session();
  }

  public PacketServer server() {
    return server;
  }

  /** The handshake's headers, names as the client sent them. */
  public Map<String, List<String>> headers() {
    return link.headers();
  }

  /** The handshake's query parameters. */
  public Map<String, String> query() {
    return link.query();
  }

  /**
   * The client's IP address: the peer of the connection that opened its session, or, behind a
   * {@linkplain ServerBuilder#trustedProxies trusted proxy}, the address that proxy forwarded for.
   */
  public String remoteAddress() {
    return address;
  }

  /** The auth payload the client connected with (Socket.IO's CONNECT, the lane's hello; JSON-like), or null. */
  public Object auth() {
    return auth;
  }

  /**
   * Who the socket is: what its authentication driver admitted (a {@link dev.packets.server.auth.Principal} for the
   * ready-made drivers, kept when the session is recovered), or null.
   */
  public Object principal() {
    return principal;
  }

  void principal(Object principal) {
    this.principal = principal;
  }

  /**
   * What the authentication driver chose for the client to know of its session (JSON-like; {@code client.session()}
   * there), or null.
   */
  public Object clientData() {
    return clientData;
  }

  void clientData(Object data) {
    this.clientData = data;
  }

  public <T> T get(Key<T> key) {
    Map<Object, Object> map = attributes;
    return map == null ? null : key.type().cast(map.get(key));
  }

  /** The value of the attribute whose key is named {@code name}, whatever its type, or null. */
  Object attribute(String name) {
    Map<Object, Object> map = attributes;
    if (map == null) {
      return null;
    }
    for (Map.Entry<Object, Object> entry : map.entrySet()) {
      if (entry.getKey() instanceof Key<?> key && key.name().equals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  public <T> void set(Key<T> key, T value) {
    if (value == null) {
      Map<Object, Object> map = attributes;
      if (map != null) {
        map.remove(key);
      }
    } else {
      attributes().put(key, value);
    }
  }

  public void join(String room) {
    joined().add(room);
  }

  public void leave(String room) {
    Set<String> set = rooms;
    if (set != null) {
      set.remove(room);
    }
  }

  public Set<String> rooms() {
    Set<String> set = rooms;
    return set == null ? Set.of() : Set.copyOf(set);
  }

  /** Whether it is connected now (a parked session waiting to be recovered is not). */
  public boolean connected() {
    return link.connected();
  }

  /**
   * Sends a packet; the future completes with the client's response (its ack: the JSON-like value, or the packet it
   * answered with), or fails with a {@link PacketError} when the client answered an error or did not answer within
   * the server's ack timeout.
   */
  public CompletableFuture<Object> send(Object packet) {
    return outbound.send(this, packet);
  }

  /**
   * Sends a packet and asks for no response.
   *
   * @throws dev.packets.EncodeException if the packet cannot be encoded (nothing is sent)
   */
  public void push(Object packet) {
    outbound.push(this, packet);
  }

  /**
   * The server node's intercom, to ask every node from an acceptor (flecks' {@code socket.req.intercom}):
   * {@code socket.intercom().ask("where", id, Duration.ofMillis(200))}. Fails when the server has none.
   */
  public dev.packets.intercom.Intercom intercom() {
    dev.packets.intercom.Intercom intercom = server.intercom();
    if (intercom == null) {
      throw new IllegalStateException("this server has no intercom: give it one with PacketServer.builder().intercom(…)");
    }
    return intercom;
  }

  /** Disconnects, telling the client why. */
  public void close(String reason) {
    outbound.close(this, reason);
  }

  /** Whether this socket joined {@code room}. */
  public boolean in(String room) {
    Set<String> set = rooms;
    return set != null && set.contains(room);
  }

  private Map<Object, Object> attributes() {
    Map<Object, Object> map = attributes;
    if (map == null) {
      synchronized (this) {
        map = attributes;
        if (map == null) {
          attributes = map = new ConcurrentHashMap<>();
        }
      }
    }
    return map;
  }

  private Set<String> joined() {
    Set<String> set = rooms;
    if (set == null) {
      synchronized (this) {
        set = rooms;
        if (set == null) {
          rooms = set = ConcurrentHashMap.newKeySet();
        }
      }
    }
    return set;
  }

  /** The attributes as they are held (typed keys to values), or null when none was ever set. */
  Map<Object, Object> attributesOrNull() {
    return attributes;
  }

  /** Sets an attribute under a key made elsewhere (a session moved from another node). */
  void restore(Key<?> key, Object value) {
    attributes().put(key, value);
  }

  /** The connection it is on now. */
  Link link() {
    return link;
  }

  /** Whether it is on the packets lane (else on Socket.IO). */
  public boolean onLane() {
    return link instanceof LaneLink;
  }

  @Override
  public String toString() {
    return "PacketSocket[" + id() + "]";
  }
}
