package dev.packets.intercom.redis;

/**
 * How many HELLOs a node answers with a heartbeat: at most {@code perSecond} a second, all senders together. A
 * node that starts is answered at once; one that floods HELLOs (each sealed: a member gone wrong) gets the rest
 * ignored, so this node does not flood Redis in turn. Its heartbeats reach the newcomer anyway within a heartbeat.
 */
final class HelloReplies {
  private final int perSecond;
  private long windowStart = System.nanoTime();
  private int used;

  HelloReplies(int perSecond) {
    this.perSecond = perSecond;
  }

  /** Whether this HELLO may be answered now. */
  synchronized boolean take() {
    long now = System.nanoTime();
    if (now - windowStart >= 1_000_000_000L) {
      windowStart = now;
      used = 0;
    }
    return used++ < perSecond;
  }
}
