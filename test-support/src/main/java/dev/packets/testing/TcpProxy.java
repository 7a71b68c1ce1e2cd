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
 * connection at once with a reset (no goodbye on either side), and while {@link #refuse refusing} it closes new
 * connections as soon as they come.
 */
public final class TcpProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
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
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        close(client);
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException ignored) {
        // one side went: the other goes too
      } finally {
        close(from);
        close(to);
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
