package dev.packets.server;

import dev.packets.server.engine.FrameWriter;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One socket's only way out. Every send to the socket — ack, push, broadcast copy, refusal, close — is offered here
 * and written from here, one at a time and in order, by a drain that runs on the outbound pool; no caller thread
 * (game loop, timer, acceptor, another socket's reader) ever writes to the socket or waits for it. The one
 * exception keeps the hot path hot: the thread reading this socket's websocket drains at once what it answers.
 *
 * <p>The byte budget: bytes offered and not yet written (queued here, queued in Jetty, or held by the Socket.IO
 * library for a polling request) may not pass {@code budget}. An offer past it closes the socket (1008 on a
 * websocket) and is counted; nothing is dropped silently while the socket stays open.
 */
final class Mailbox {
  /** One thing to send: frames for the websocket, or the same sent through the library (polling). */
  record Send(String header, byte[] attachment, Runnable viaLibrary, int bytes) {}

  private static final int IDLE = 0;
  private static final int DRAINING = 1;

  private final ConcurrentLinkedQueue<Send> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger state = new AtomicInteger();
  private final AtomicLong pending = new AtomicLong();
  /** Bytes handed to the library since its last flush (a polling session's answer waits for the next GET). */
  private final AtomicLong inLibrary = new AtomicLong();
  private final long budget;
  private final Executor pool;
  private final Outlet outlet;
  private volatile boolean closed;

  /** Where a mailbox's frames go: the socket's current websocket, or the library; and what overflowing does. */
  interface Outlet {
    /** The websocket that carries the socket's session now, or null (polling). */
    FrameWriter writer();

    /** The budget was exceeded by an offer of {@code bytes}: close the connection at once. */
    void overflow(long pendingBytes);
  }

  Mailbox(long budget, Executor pool, Outlet outlet) {
    this.budget = budget;
    this.pool = pool;
    this.outlet = outlet;
  }

  /** Bytes offered and not yet written. */
  long pending() {
    return pending.get();
  }

  /** Queues a send; false when the socket is closed or this offer closed it (over its budget). */
  boolean offer(Send send) {
    if (closed) {
      return false;
    }
    long now = pending.addAndGet(send.bytes());
    if (now > budget) {
      overflow(now);
      return false;
    }
    queue.add(send);
    FrameWriter writer = outlet.writer();
    if (state.compareAndSet(IDLE, DRAINING)) {
      if (writer != null && writer.onReadThread()) {
        drain();
      } else {
        pool.execute(this::drain);
      }
    }
    return true;
  }

  /** The library flushed what it held to a polling response. */
  void libraryFlushed() {
    pending.addAndGet(-inLibrary.getAndSet(0));
  }

  /** Drops everything queued; later offers are refused. */
  void close() {
    closed = true;
    queue.clear();
  }

  boolean closed() {
    return closed;
  }

  private void overflow(long now) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    queue.clear();
    outlet.overflow(now);
  }

  private void drain() {
    do {
      Send send;
      while ((send = queue.poll()) != null) {
        if (closed) {
          queue.clear();
          break;
        }
        write(send);
      }
      state.set(IDLE);
    } while (!queue.isEmpty() && state.compareAndSet(IDLE, DRAINING));
  }

  private void write(Send send) {
    int bytes = send.bytes();
    FrameWriter writer = send.header() == null ? null : outlet.writer();
    try {
      if (writer != null) {
        Runnable written = () -> pending.addAndGet(-bytes);
        if (send.attachment() == null) {
          writer.text(send.header(), written);
        } else {
          writer.binary(send.header(), send.attachment(), written);
        }
      } else {
        inLibrary.addAndGet(bytes);
        send.viaLibrary().run();
        if (outlet.writer() != null) {
          // a websocket session: the library wrote it out at once
          libraryFlushed();
        }
      }
    } catch (RuntimeException e) {
      pending.addAndGet(-bytes);
      PacketServer.LOG.debug("a send failed (the connection is going)", e);
    }
  }
}
