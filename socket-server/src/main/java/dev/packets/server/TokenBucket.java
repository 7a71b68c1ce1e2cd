package dev.packets.server;

/** A per-socket rate limit: {@code rate} packets a second on average, bursts up to {@code burst}. */
final class TokenBucket {
  private final double rate;
  private final double burst;
  private double tokens;
  private long last;
  private int strikes;

  TokenBucket(double rate, double burst) {
    this.rate = rate;
    this.burst = burst;
    this.tokens = burst;
    this.last = System.nanoTime();
  }

  /** Takes a token; false when none is left (and counts a strike). */
  synchronized boolean take() {
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      strikes = 0;
      return true;
    }
    strikes++;
    return false;
  }

  /** Consecutive refusals since the last packet let through. */
  synchronized int strikes() {
    return strikes;
  }
}
