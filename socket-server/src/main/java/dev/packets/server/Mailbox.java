package dev.packets.server;

import dev.packets.server.engine.FrameWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

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
  /**
   * One thing to send: a websocket's frames — a text frame, a binary frame, or a text header and its binary
   * attachment, as UTF-8 and bytes made once, so that a fan-out's recipients share them — or, when there are none,
   * or no websocket carries the session (polling), the same sent through the library: by {@code viaLibrary}, or for
   * a push shared by every socket of a broadcast ({@code viaLibrary} null) by the mailbox's own {@linkplain #library
   * way through the library}, as packet {@code packetId}.
   */
  record Send(byte[] text, byte[] binary, Runnable viaLibrary, int bytes, int packetId) {
    /** One text frame. */
    static Send text(String frame, Runnable viaLibrary) {
      byte[] utf8 = frame.getBytes(StandardCharsets.UTF_8);
      return new Send(utf8, null, viaLibrary, utf8.length, -1);
    }

    /** A text header and its binary attachment; {@code packetId} for the library's way of a shared push. */
    static Send binary(String header, byte[] attachment, Runnable viaLibrary, int packetId) {
      byte[] utf8 = header.getBytes(StandardCharsets.UTF_8);
      return new Send(utf8, attachment, viaLibrary, utf8.length + attachment.length, packetId);
    }

    /** One binary frame. */
    static Send frame(byte[] frame, Runnable viaLibrary) {
      return new Send(null, frame, viaLibrary, frame.length, -1);
    }

    /** Something only the library (or the link) does: an ack it owes, a disconnect; {@code bytes} its cost. */
    static Send library(Runnable viaLibrary, int bytes) {
      return new Send(null, null, viaLibrary, bytes, -1);
    }

    /** Whether it has frames a websocket writes as they are. */
    boolean framed() {
      return text != null || binary != null;
    }
  }

  /**
   * What a queued send costs against the budget besides its bytes: its queue node and its share of the objects that
   * hold it. A flood of tiny pushes to a socket that does not read is stopped by the budget, not let grow 3× past it.
   */
  static final int OVERHEAD = 64;

  private static int cost(Send send) {
    return send.bytes() + OVERHEAD;
  }

  /** What {@link #offerFanOut} leaves to its caller. */
  static final int NOTHING = 0;
  static final int DRAIN = 1;
  static final int CARRY = 2;

  private static final int IDLE = 0;
  private static final int DRAINING = 1;

  // counters as fields with updaters rather than Atomic* objects: every idle connection has a mailbox
  private static final AtomicIntegerFieldUpdater<Mailbox> STATE =
      AtomicIntegerFieldUpdater.newUpdater(Mailbox.class, "state");
  private static final AtomicLongFieldUpdater<Mailbox> PENDING =
      AtomicLongFieldUpdater.newUpdater(Mailbox.class, "pending");
  private static final AtomicLongFieldUpdater<Mailbox> IN_LIBRARY =
      AtomicLongFieldUpdater.newUpdater(Mailbox.class, "inLibrary");

  private static final AtomicReferenceFieldUpdater<Mailbox, ConcurrentLinkedQueue> QUEUE =
      AtomicReferenceFieldUpdater.newUpdater(Mailbox.class, ConcurrentLinkedQueue.class, "queue");

  /** Made on the first send that must wait (a socket whose reader writes its answers at once may never need it). */
  private volatile ConcurrentLinkedQueue<Send> queue;
  private volatile int state;
  private volatile long pending;
  /** Bytes handed to the library since its last flush (a polling session's answer waits for the next GET). */
  private volatile long inLibrary;
  private final long budget;
  private final Executor pool;
  private final Outlet outlet;
  /** The engine.io session this mailbox's socket is on. */
  private final String session;
  /** The websocket that carries the session now, or null (polling: the library writes). */
  private volatile FrameWriter writer;
  private volatile boolean closed;
  /** Sends a shared push through the library (a polling session), set once the socket exists. */
  private volatile java.util.function.Consumer<Send> library;

  /** What overflowing does: one for all mailboxes (the sessions registry), told the session id. */
  interface Outlet {
    /** The budget of {@code session}'s socket was exceeded: close the connection at once. */
    void overflow(String session, long pendingBytes);
  }

  Mailbox(long budget, Executor pool, Outlet outlet, String session) {
    this.budget = budget;
    this.pool = pool;
    this.outlet = outlet;
    this.session = session;
  }

  /** How a shared push goes through the library on this session. */
  void library(java.util.function.Consumer<Send> library) {
    this.library = library;
  }

  /** Whether a websocket carries the session now (its writes only queue frames, they never block). */
  boolean carried() {
    return writer != null;
  }

  /** A websocket carries the session now (or null: none does). */
  synchronized void carriedBy(FrameWriter writer) {
    this.writer = writer;
  }

  /** The websocket {@code gone} closed: the library writes again, unless another took over meanwhile. */
  synchronized void uncarried(FrameWriter gone) {
    if (writer == gone) {
      writer = null;
    }
  }

  /** Counts a send against the budget: false when the mailbox is closed, or when this send closes it (over budget). */
  private boolean charged(Send send) {
    if (closed) {
      return false;
    }
    long now = PENDING.addAndGet(this, cost(send));
    if (now > budget) {
      overflow(now);
      return false;
    }
    return true;
  }

  /** Queues a send; false when the socket is closed or this offer closed it (over its budget). */
  boolean offer(Send send) {
    if (!charged(send)) {
      return false;
    }
    FrameWriter writer = this.writer;
    if (writer != null && writer.onReadThread() && empty() && STATE.compareAndSet(this, IDLE, DRAINING)) {
      // the socket's own reader answering, nothing queued before: written at once, as the drain would have
      write(send);
      drain();
      return true;
    }
    queue().add(send);
    if (STATE.compareAndSet(this, IDLE, DRAINING)) {
      if (writer != null && writer.onReadThread()) {
        drain();
      } else {
        pool.execute(this::drain);
      }
    }
    return true;
  }

  /**
   * Queues a send of a fan-out without draining: true when the caller must have this mailbox drained ({@link
   * #drainDeferred}), which it does for many mailboxes in one task of the outbound pool instead of a task each.
   */
  boolean offerDeferred(Send send) {
    if (!charged(send)) {
      return false;
    }
    queue().add(send);
    return STATE.compareAndSet(this, IDLE, DRAINING);
  }

  /** Drains a mailbox whose {@link #offerDeferred} said so. */
  void drainDeferred() {
    drain();
  }

  /**
   * A fan-out's send, the same object for every socket: {@link #CARRY} when this mailbox was idle and empty, so the
   * caller now owns its drain and carries the send to {@link #writeCarried} itself (nothing is stored here: a
   * broadcast to an idle socket costs no queue node and no store into this long-lived object); {@link #DRAIN} when
   * the send was queued and the caller must have the mailbox drained; {@link #NOTHING} when it was queued behind a
   * drain under way, or refused (closed, over budget).
   */
  int offerFanOut(Send send) {
    if (!charged(send)) {
      return NOTHING;
    }
    if (empty() && STATE.compareAndSet(this, IDLE, DRAINING)) {
      return CARRY;
    }
    queue().add(send);
    return STATE.compareAndSet(this, IDLE, DRAINING) ? DRAIN : NOTHING;
  }

  /** Writes the send that {@link #offerFanOut} left to the caller, then what was queued behind it. */
  void writeCarried(Send send) {
    if (closed) {
      PENDING.addAndGet(this, -cost(send));
    } else {
      write(send);
    }
    drain();
  }

  /** The library flushed what it held to a polling response. */
  void libraryFlushed() {
    PENDING.addAndGet(this, -IN_LIBRARY.getAndSet(this, 0));
  }

  /** Drops everything queued; later offers are refused. */
  void close() {
    closed = true;
    clear();
  }

  private boolean empty() {
    ConcurrentLinkedQueue<Send> q = queue;
    return q == null || q.isEmpty();
  }

  @SuppressWarnings("unchecked")
  private ConcurrentLinkedQueue<Send> queue() {
    ConcurrentLinkedQueue<Send> q = queue;
    if (q == null) {
      QUEUE.compareAndSet(this, null, new ConcurrentLinkedQueue<Send>());
      q = queue;
    }
    return q;
  }

  private void clear() {
    ConcurrentLinkedQueue<Send> q = queue;
    if (q != null) {
      q.clear();
    }
  }

  private void overflow(long now) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    clear();
    outlet.overflow(session, now);
  }

  private void drain() {
    do {
      ConcurrentLinkedQueue<Send> q = queue;
      Send send;
      while (q != null && (send = q.poll()) != null) {
        if (closed) {
          q.clear();
          break;
        }
        write(send);
      }
      state = IDLE;
    } while (!empty() && STATE.compareAndSet(this, IDLE, DRAINING));
  }

  private void write(Send send) {
    int bytes = cost(send);
    FrameWriter writer = send.framed() ? this.writer : null;
    try {
      if (writer != null) {
        writer.write(send.text(), send.binary(), () -> PENDING.addAndGet(this, -bytes));
      } else {
        IN_LIBRARY.addAndGet(this, bytes);
        if (send.viaLibrary() != null) {
          send.viaLibrary().run();
        } else {
          library.accept(send);
        }
        if (this.writer != null) {
          // a websocket session: the library wrote it out at once
          libraryFlushed();
        }
      }
    } catch (RuntimeException e) {
      PENDING.addAndGet(this, -bytes);
      PacketServer.LOG.debug("a send failed (the connection is going)", e);
    }
  }
}
