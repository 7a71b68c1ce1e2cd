package dev.packets.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The house rule for tests that need a tool from outside the JVM (node, redis-server, chromium): skip with a
 * message that says how to get it, unless {@code -Dpackets.requireExternal=true} (set by .ci/run), where a missing
 * tool fails the test instead.
 */
public final class External {
  private External() {}

  /** The path of {@code tool} on the PATH, or skips (fails under packets.requireExternal) saying {@code install}. */
  public static String tool(String tool, String install) {
    Optional<Path> found = find(tool);
    require(found.isPresent(), tool + " is not installed; " + install);
    return found.get().toString();
  }

  /** {@code tool} on the PATH, if there. */
  public static Optional<Path> find(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Goes on if {@code present}; else skips with {@code message}, or fails under packets.requireExternal. */
  public static void require(boolean present, String message) {
    if (present) {
      return;
    }
    if (Boolean.getBoolean("packets.requireExternal")) {
      Assertions.fail(message + " (required: packets.requireExternal=true)");
    }
    Assumptions.abort(message);
  }
}
