package dev.packets.intercom;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * The house rule for tests that need a tool from outside the JVM: skip with a message that says how to get it,
 * unless {@code -Dpackets.requireExternal=true} (CI), where a missing tool fails the test.
 */
final class External {
  private External() {}

  static void require(boolean present, String message) {
    if (present) {
      return;
    }
    if (Boolean.getBoolean("packets.requireExternal")) {
      fail(message + " (required: packets.requireExternal=true)");
    }
    Assumptions.abort(message);
  }
}
