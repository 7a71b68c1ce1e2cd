package dev.packets.intercom.node;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The one daemon thread that runs every intercom's ask timeouts and heartbeats in this JVM. */
public final class Timers {
  public static final ScheduledThreadPoolExecutor TIMER = create();

  private Timers() {}

  private static ScheduledThreadPoolExecutor create() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread thread = new Thread(r, "intercom-timer");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
