package dev.packets.server;

import dev.packets.socketio.PacketError;
import java.util.List;
import java.util.Map;

/** The plugin points of a {@link PacketServer}, each set on its builder. */
public final class Hooks {
  private Hooks() {}

  /** Reads the client's auth payload and handshake headers; returns a principal or refuses. */
  @FunctionalInterface
  public interface Authenticator {
    Object authenticate(Object auth, Map<String, List<String>> headers) throws PacketError;
  }

  /** Called when a socket has connected and authenticated; may refuse it. */
  @FunctionalInterface
  public interface Connect {
    void connected(PacketSocket socket) throws PacketError;
  }

  /** Called when a socket has gone, with the reason. */
  @FunctionalInterface
  public interface Disconnect {
    void disconnected(PacketSocket socket, String reason);
  }

  /** Sees every packet before its acceptor: returns it, another packet in its place, or refuses it. */
  @FunctionalInterface
  public interface Received {
    Object received(Object packet, PacketSocket socket) throws PacketError;
  }

  /** Sees every response before it goes back; returns it or another. */
  @FunctionalInterface
  public interface Responding {
    Object responding(Object packet, Object response, PacketSocket socket);
  }

  /** Called when the server has started or is stopping. */
  @FunctionalInterface
  public interface Lifecycle {
    void on(PacketServer server);
  }
}
