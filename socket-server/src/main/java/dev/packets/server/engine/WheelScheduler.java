package dev.packets.server.engine;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The timer engine.io arms its ping and ping-timeout tasks on. engine.io cancels its ping timeout and schedules a new
 * one for every packet it receives; on a {@code ScheduledThreadPoolExecutor} that is a locked heap insert per packet,
 * and the cancelled tasks stay queued until their 45 s delay ends (millions under load). A hashed wheel makes
 * scheduling and cancelling a lock-free queue offer, and forgets cancelled tasks at once. Tasks fire on
 * {@code runner}, never on the wheel's own thread, so a slow websocket write cannot hold up the other timers.
 *
 * <p>Only {@link #schedule(Runnable, long, TimeUnit)} and {@link #execute} are supported, and its futures can be
 * cancelled but not waited on: all that engine.io and socket.io-server-java use.
 */
public final class WheelScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private static final AtomicIntegerFieldUpdater<Task> STATE =
      AtomicIntegerFieldUpdater.newUpdater(Task.class, "state");

  /** While a handshake runs on this thread: the tasks it schedules (see {@link #capture}). */
  private static final ThreadLocal<List<ScheduledFuture<?>>> CAPTURE = new ThreadLocal<>();

  private final HashedWheelTimer wheel;
  private final Executor runner;
  private volatile boolean shutdown;

  /** A wheel ticking every {@code tickMillis}, running due tasks on {@code runner}. */
  public WheelScheduler(long tickMillis, Executor runner, ThreadFactory threads) {
    this.wheel = new HashedWheelTimer(threads, tickMillis, TimeUnit.MILLISECONDS, 1024);
    this.runner = runner;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
    if (shutdown) {
      throw new java.util.concurrent.RejectedExecutionException("scheduler is shut down");
    }
    Task scheduled = new Task(task, System.nanoTime() + unit.toNanos(delay));
    scheduled.timeout = wheel.newTimeout(scheduled, delay, unit);
    List<ScheduledFuture<?>> captured = CAPTURE.get();
    if (captured != null) {
      captured.add(scheduled);
    }
    return scheduled;
  }

  /**
   * Runs {@code call} and collects into {@code into} the tasks any scheduler of this kind is given on this thread
   * meanwhile: the timers a handshake arms, some of which the libraries never cancel (socket.io-server-java's
   * connection timeout holds its client, and so the closed session, for 45 s).
   */
  static void capture(List<ScheduledFuture<?>> into, Runnable call) {
    List<ScheduledFuture<?>> outer = CAPTURE.get();
    CAPTURE.set(into);
    try {
      call.run();
    } finally {
      if (outer == null) {
        CAPTURE.remove();
      } else {
        CAPTURE.set(outer);
      }
    }
  }

  /** The tasks captured so far on this thread, or an empty array outside {@link #capture}. */
  static ScheduledFuture<?>[] captured() {
    List<ScheduledFuture<?>> captured = CAPTURE.get();
    return captured == null ? NONE : captured.toArray(NONE);
  }

  private static final ScheduledFuture<?>[] NONE = new ScheduledFuture<?>[0];

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("only schedule(Runnable, delay, unit) is supported");
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException("only schedule(Runnable, delay, unit) is supported");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("only schedule(Runnable, delay, unit) is supported");
  }

  @Override
  public void execute(Runnable command) {
    runner.execute(command);
  }

  @Override
  public void shutdown() {
    shutdown = true;
    wheel.stop();
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown();
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return shutdown;
  }

  /** One armed task, and its own wheel entry: cancelling it removes it from the wheel. */
  private final class Task implements ScheduledFuture<Object>, TimerTask, Runnable {
    private static final int ARMED = 0;
    private static final int RAN = 1;
    private static final int CANCELLED = 2;

    private final Runnable body;
    private final long due;
    private volatile int state = ARMED;
    private volatile Timeout timeout;

    Task(Runnable body, long due) {
      this.body = body;
      this.due = due;
    }

    @Override
    public void run(Timeout fired) {
      runner.execute(this);
    }

    @Override
    public void run() {
      if (STATE.compareAndSet(this, ARMED, RAN)) {
        body.run();
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      if (!STATE.compareAndSet(this, ARMED, CANCELLED)) {
        return false;
      }
      Timeout armed = timeout;
      if (armed != null) {
        armed.cancel();
      }
      return true;
    }

    @Override
    public boolean isCancelled() {
      return state == CANCELLED;
    }

    @Override
    public boolean isDone() {
      return state != ARMED;
    }

    @Override
    public Object get() {
      throw new UnsupportedOperationException("engine.io's timers are never waited on");
    }

    @Override
    public Object get(long wait, TimeUnit unit) {
      throw new UnsupportedOperationException("engine.io's timers are never waited on");
    }
  }
}
