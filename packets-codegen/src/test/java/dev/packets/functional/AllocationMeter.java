package dev.packets.functional;

import java.lang.management.ManagementFactory;

/**
 * What the current thread allocates while it runs one input: the fuzz targets' check that no input costs more
 * memory than its limits allow ({@code com.sun.management.ThreadMXBean}, HotSpot's per-thread counter).
 */
final class AllocationMeter {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private AllocationMeter() {}

  /**
   * Runs {@code work} twice and fails if the second run allocated more than {@code bound} bytes: the first run pays
   * for loading (and, under the fuzzer, instrumenting) the classes it reaches, which is not the input's cost.
   */
  static void atMost(long bound, String what, Runnable work) {
    work.run();
    long before = THREADS.getCurrentThreadAllocatedBytes();
    work.run();
    long spent = THREADS.getCurrentThreadAllocatedBytes() - before;
    if (spent > bound) {
      throw new AssertionError(what + " allocated " + spent + " bytes, over its bound of " + bound);
    }
  }
}
