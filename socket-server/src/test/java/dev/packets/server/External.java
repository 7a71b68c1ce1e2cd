package dev.packets.server;

import java.io.File;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a tool from outside the JVM (node) skip with a message when it is missing, unless
 * {@code -Dpackets.requireExternal=true} (set by .ci/run), which makes them fail instead.
 */
final class External {
  private External() {}

  static String require(String tool, String install) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File file = new File(dir, tool);
      if (file.canExecute()) {
        return file.getPath();
      }
    }
    String message = tool + " is not installed; " + install;
    if (Boolean.getBoolean("packets.requireExternal")) {
      Assertions.fail(message + " (required: packets.requireExternal=true)");
    }
    Assumptions.abort(message);
    return null;
  }
}
