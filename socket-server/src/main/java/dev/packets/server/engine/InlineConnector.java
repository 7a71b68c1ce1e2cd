package dev.packets.server.engine;

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.websocket.core.WebSocketConnection;

/**
 * A connector that reads websocket connections on the selector thread that found them readable, as Node's event
 * loop does, instead of handing every readable connection to a pooled thread. Jetty hands off because a read may
 * run application code that blocks; here the read path does not block (frames are parsed, packets decoded and
 * answered, and writes only queue frames), so the handoff was pure cost: a thread wake-up and a selector wake-up per
 * packet, about half the server's CPU per ack (docs/benchmarks.md).
 *
 * <p>The price is the event loop's rule: an acceptor or hook that blocks holds up every connection of its
 * selector. Blocking work belongs in a returned {@code CompletionStage} or on {@code acceptorExecutor}. HTTP
 * (long-polling and files) is still dispatched to the pool.
 */
public final class InlineConnector extends ServerConnector {
  public InlineConnector(Server server) {
    super(server);
  }

  /** Over TLS: the decrypted side of a connection is the websocket one. */
  public InlineConnector(Server server, SslContextFactory.Server tls) {
    super(server, tls);
  }

  @Override
  protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
    SocketChannelEndPoint endPoint = new SocketChannelEndPoint(channel, selector, key, getScheduler()) {
      @Override
      public Runnable onSelected() {
        Runnable task = super.onSelected();
        return task != null && isWebSocket(getConnection())
            ? Invocable.from(Invocable.InvocationType.NON_BLOCKING, task) : task;
      }
    };
    endPoint.setIdleTimeout(getIdleTimeout());
    return endPoint;
  }

  private static boolean isWebSocket(Connection connection) {
    return connection instanceof WebSocketConnection || connection instanceof SslConnection ssl
        && ssl.getSslEndPoint().getConnection() instanceof WebSocketConnection;
  }
}
