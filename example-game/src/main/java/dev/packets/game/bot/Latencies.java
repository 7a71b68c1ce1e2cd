package dev.packets.game.bot;

import java.util.Arrays;

/** Round trips in microseconds, kept whole (a load run makes at most a few hundred thousand), with percentiles. */
final class Latencies {
  private long[] values = new long[1024];
  private int size;

  synchronized void add(long micros) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = micros;
  }

  synchronized int size() {
    return size;
  }

  /** The {@code p}-th percentile (0..100) in microseconds, or 0 when there is none. */
  synchronized long percentile(double p) {
    if (size == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    return sorted[Math.min(size - 1, (int) Math.ceil(p / 100 * size) - 1 < 0 ? 0 : (int) Math.ceil(p / 100 * size) - 1)];
  }
}
