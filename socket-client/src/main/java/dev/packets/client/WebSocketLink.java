package dev.packets.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One websocket of a client, on the JDK's {@link WebSocket} (its {@link HttpClient}'s selector thread is shared by
 * every client of the process). It owns the socket's one outbound path: frames are queued and written one after
 * another (the JDK allows one send in flight), so a caller never waits for the network. It puts messages that
 * arrive in parts back together, refusing one longer than {@code maxMessage} (close 1009), and hands whole ones to
 * its {@link Handler} one at a time, in order.
 */
final class WebSocketLink implements WebSocket.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(PacketClient.class);
  /** What a link tells its client. */
  interface Handler {
    void text(String message);

    void binary(ByteBuffer message);

    void pong();

    /** The connection is over: closed by either side ({@code code}, {@code reason}), or broken. Told once. */
    void closed(int code, String reason);
  }

  /** A frame waiting to go out. */
  private record Out(String text, ByteBuffer binary, boolean ping) {}

  private final Handler handler;
  private final int maxMessage;
  private final ArrayDeque<Out> queue = new ArrayDeque<>();
  private boolean writing;
  private volatile WebSocket socket;
  private volatile boolean over;
  private StringBuilder textParts;
  private ByteArrayOutputStream binaryParts;

  WebSocketLink(Handler handler, int maxMessage) {
    this.handler = handler;
    this.maxMessage = maxMessage;
  }

  /**
   * Opens the websocket to {@code uri} asking for {@code subprotocols}, waiting up to {@code timeout} for the
   * handshake; fails with an {@link IOException} naming why. Messages may reach the handler before this returns.
   */
  void open(HttpClient http, URI uri, List<String> subprotocols, Duration timeout) throws IOException {
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(timeout);
    if (!subprotocols.isEmpty()) {
      builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
    }
    CompletableFuture<WebSocket> opening = builder.buildAsync(uri, this);
    try {
      socket = opening.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
          ? c.getCause() : e.getCause();
      throw new IOException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
    } catch (TimeoutException e) {
      opening.cancel(true);
      throw new IOException("no websocket handshake from " + uri + " within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while connecting to " + uri);
    }
  }

  /** The subprotocol the server chose ("" for none). */
  String subprotocol() {
    return socket.getSubprotocol();
  }

  boolean isOpen() {
    WebSocket s = socket;
    return !over && s != null && !s.isOutputClosed() && !s.isInputClosed();
  }

  /** Queues a text frame, a binary frame, or both in that order, with nothing of this socket's between them. */
  void write(String text, byte[] binary) throws IOException {
    synchronized (queue) {
      if (!isOpen()) {
        throw new IOException("not connected");
      }
      if (text != null) {
        queue.add(new Out(text, null, false));
      }
      if (binary != null) {
        queue.add(new Out(null, ByteBuffer.wrap(binary), false));
      }
      if (writing) {
        return;
      }
      writing = true;
    }
    flush();
  }

  /** Queues a websocket ping. */
  void ping() {
    synchronized (queue) {
      if (!isOpen()) {
        return;
      }
      queue.add(new Out(null, null, true));
      if (writing) {
        return;
      }
      writing = true;
    }
    flush();
  }

  /** Writes what is queued, one frame after another, until the queue is empty. */
  private void flush() {
    while (true) {
      Out next;
      synchronized (queue) {
        next = queue.poll();
        if (next == null) {
          writing = false;
          return;
        }
      }
      WebSocket s = socket;
      CompletableFuture<WebSocket> sent = next.ping() ? s.sendPing(ByteBuffer.allocate(0))
          : next.text() != null ? s.sendText(next.text(), true) : s.sendBinary(next.binary(), true);
      if (!sent.isDone()) {
        sent.whenComplete((ws, error) -> {
          if (error != null) {
            failed(error);
          } else {
            flush();
          }
        });
        return;
      }
      if (sent.isCompletedExceptionally()) {
        sent.whenComplete((ws, error) -> failed(error));
        return;
      }
    }
  }

  private void failed(Throwable error) {
    synchronized (queue) {
      queue.clear();
      writing = false;
    }
    broken("write failed: " + error.getMessage());
  }

  /** Starts the closing handshake with {@code code} and {@code reason}; the handler hears when it is over. */
  void close(int code, String reason) {
    WebSocket s = socket;
    if (s == null || over) {
      return;
    }
    synchronized (queue) {
      queue.clear();
    }
    s.sendClose(code, reason).orTimeout(ClientRuntime.HANDSHAKE_MILLIS, TimeUnit.MILLISECONDS)
        .whenComplete((ws, error) -> {
          if (error != null) {
            abort("closing failed: " + error.getMessage());
          }
        });
  }

  /** Drops the connection at once, without a closing handshake. */
  void abort(String why) {
    WebSocket s = socket;
    if (s != null) {
      s.abort();
    }
    broken(why);
  }

  private void broken(String why) {
    end(1006, why);
  }

  private void end(int code, String reason) {
    synchronized (this) {
      if (over) {
        return;
      }
      over = true;
    }
    handler.closed(code, reason);
  }

  // ---- the JDK's listener: one call at a time, in order, each asking for the next message

  @Override
  public void onOpen(WebSocket webSocket) {
    socket = webSocket; // before the first message: what its handler writes goes out on it
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    if (textParts == null && last) {
      deliver(() -> handler.text(data.toString()));
    } else {
      if (textParts == null) {
        textParts = new StringBuilder();
      }
      textParts.append(data);
      if (textParts.length() > maxMessage) {
        tooLong(webSocket, textParts.length());
        return null;
      }
      if (last) {
        String whole = textParts.toString();
        textParts = null;
        deliver(() -> handler.text(whole));
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    if (binaryParts == null && last) {
      if (data.remaining() > maxMessage) {
        tooLong(webSocket, data.remaining());
        return null;
      }
      deliver(() -> handler.binary(data));
    } else {
      if (binaryParts == null) {
        binaryParts = new ByteArrayOutputStream();
      }
      if (binaryParts.size() + data.remaining() > maxMessage) {
        tooLong(webSocket, binaryParts.size() + data.remaining());
        return null;
      }
      byte[] part = new byte[data.remaining()];
      data.get(part);
      binaryParts.writeBytes(part);
      if (last) {
        ByteBuffer whole = ByteBuffer.wrap(binaryParts.toByteArray());
        binaryParts = null;
        deliver(() -> handler.binary(whole));
      }
    }
    webSocket.request(1);
    return null;
  }

  private void deliver(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      // the client logs what it cannot read; a handler's failure must not stop this socket's reading
      LOG.debug("a message handler failed", e);
    }
  }

  private void tooLong(WebSocket webSocket, long length) {
    textParts = null;
    binaryParts = null;
    LOG.warn("a message of {} bytes or more is over this client's limit of {}: closing", length,
        maxMessage);
    webSocket.sendClose(1009, "message too big");
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    deliver(handler::pong);
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    // the JDK answers with a pong itself
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    end(statusCode, reason);
    // answer the server's close (the JDK sends ours when this stage completes, unless we already did)
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    broken(error.getMessage() == null ? error.toString() : error.getMessage());
  }
}
