package dev.packets.intercom;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The one daemon thread that runs every intercom's ask timeouts and heartbeats in this JVM. */
final class Timers {
  static final ScheduledThreadPoolExecutor TIMER = create();

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
