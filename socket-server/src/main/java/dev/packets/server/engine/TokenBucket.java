package dev.packets.server.engine;

/** A rate limit: {@code rate} tokens a second on average, bursts up to {@code burst} (per socket, per connection). */
public final class TokenBucket {
  private final double rate;
  private final double burst;
  private double tokens;
  private long last;
  private int strikes;

  public TokenBucket(double rate, double burst) {
    this.rate = rate;
    this.burst = burst;
    this.tokens = burst;
    this.last = System.nanoTime();
  }

  /** Takes a token; false when none is left (and counts a strike). */
  public boolean take() {
    return take(1);
  }

  /**
   * Takes {@code n} tokens (a Bundle of n packets costs n); false, taking none and counting a strike, when fewer
   * are left.
   */
  public synchronized boolean take(int n) {
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
    last = now;
    if (tokens >= n) {
      tokens -= n;
      strikes = 0;
      return true;
    }
    strikes++;
    return false;
  }

  /** Consecutive refusals since the last packet let through. */
  public synchronized int strikes() {
    return strikes;
  }
}
