package dev.packets.server;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids that tie an answer a client got ({@code internal error (id 3f9c…)}) to the line the server logged with the
 * stack trace, so that nothing about the server's insides goes out.
 */
final class Correlation {
  private Correlation() {}

  /** Sixteen hex digits, random. */
  static String next() {
    return String.format("%016x", ThreadLocalRandom.current().nextLong());
  }
}
