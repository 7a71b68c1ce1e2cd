package dev.packets.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy for tests, as a load balancer and a bad network would be: it forwards each connection to the
 * target port of the moment ({@link #target}: the next connections go to another node), {@link #cut} drops every
 * connection at once with a reset (no goodbye on either side), {@link #cutClients} drops only the clients' side (the
 * server's stays open and silent, as after a network blip the server has not noticed yet: what it writes is lost),
 * and while {@link #refuse refusing} it closes new connections as soon as they come.
 */
public final class TcpProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  /** The pairs of the connections, client side first. */
  private final Set<Pair> pairs = ConcurrentHashMap.newKeySet();
  private volatile int target;
  private volatile boolean refusing;

  public TcpProxy(int target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread accept = new Thread(this::accept, "tcp-proxy-" + port());
    accept.setDaemon(true);
    accept.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Where the next connections go. */
  public void target(int port) {
    this.target = port;
  }

  /** Whether new connections are closed at once. */
  public void refuse(boolean on) {
    this.refusing = on;
  }

  private static final class Pair {
    final Socket client;
    final Socket server;
    volatile boolean halfOpen;

    Pair(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }
  }

  /**
   * Drops the client side of every connection with a reset and keeps the server side open: the server's writes are
   * read and thrown away, and it hears nothing more.
   */
  public void cutClients() {
    for (Pair pair : pairs) {
      pair.halfOpen = true;
      reset(pair.client);
    }
  }

  /** Drops every open connection with a reset. */
  public void cut() {
    for (Socket socket : open) {
      reset(socket);
    }
    open.clear();
  }

  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
      socket.close();
    } catch (IOException ignored) {
      // closed already
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      if (refusing) {
        reset(client);
        continue;
      }
      try {
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        open.add(client);
        open.add(server);
        Pair pair = new Pair(client, server);
        pairs.add(pair);
        pump(pair, client, server);
        pump(pair, server, client);
      } catch (IOException e) {
        close(client);
      }
    }
  }

  private void pump(Pair pair, Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      // not try-with-resources: closing a socket's stream closes the socket, and a cut client's server stays open
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (pair.halfOpen) {
            continue; // the client is gone: what the server writes is lost on the way
          }
          try {
            out.write(buffer, 0, n);
            out.flush();
          } catch (IOException e) {
            if (!pair.halfOpen) {
              throw e;
            }
          }
        }
      } catch (IOException ignored) {
        // one side went: the other goes too, unless only the client was cut
      } finally {
        if (pair.halfOpen) {
          close(pair.client);
          if (from == pair.server) {
            close(pair.server);
            pairs.remove(pair);
          }
        } else {
          close(from);
          close(to);
          pairs.remove(pair);
        }
      }
    }, "tcp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private void close(Socket socket) {
    open.remove(socket);
    try {
      socket.close();
    } catch (IOException ignored) {
      // closed already
    }
  }

  @Override
  public void close() {
    cut();
    try {
      listener.close();
    } catch (IOException ignored) {
      // closed already
    }
  }
}
