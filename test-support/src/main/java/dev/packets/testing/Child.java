package dev.packets.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A child process of a test (a Node driver, a browser script): its output (stdout and stderr together) is read as
 * it comes on a daemon thread, so a chatty child never blocks on a full pipe, and it is always killed by
 * {@link #close()}. Waits are bounded.
 */
public final class Child implements AutoCloseable {
  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final Thread reader;

  private Child(Process process, Consumer<String> onLine) {
    this.process = process;
    this.reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          output.append(line).append('\n');
          onLine.accept(line);
        }
      } catch (IOException e) {
        output.append("(output lost: ").append(e.getMessage()).append(")\n");
      }
    }, "child-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code command} in {@code dir}; {@code onLine} sees each line of its output, on the reader thread. */
  public static Child start(File dir, Consumer<String> onLine, List<String> command) {
    return start(dir, Map.of(), onLine, command);
  }

  /** Starts {@code command} in {@code dir} with {@code env} added to this process's environment. */
  public static Child start(File dir, Map<String, String> env, Consumer<String> onLine, List<String> command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir).redirectErrorStream(true);
      builder.environment().putAll(env);
      return new Child(builder.start(), onLine);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /**
   * Runs {@code command} in {@code dir} to its end and returns its output, printed for the test's log; fails if it
   * takes longer than {@code timeout} or exits with other than 0.
   */
  public static String run(File dir, Duration timeout, String... command) {
    return run(dir, Map.of(), timeout, command);
  }

  /** {@link #run(File, Duration, String...)} with {@code env} added to this process's environment. */
  public static String run(File dir, Map<String, String> env, Duration timeout, String... command) {
    try (Child child = start(dir, env, line -> { }, List.of(command))) {
      int exit = child.await(timeout);
      String out = child.output();
      System.out.println(out);
      if (exit != 0) {
        throw new AssertionError(command[0] + " exited with " + exit + ":\n" + out);
      }
      return out;
    }
  }

  /** Waits for the child to end and its output to be read; its exit code. Fails (killing it) past {@code timeout}. */
  public int await(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s:\n" + output);
      }
      reader.join(TimeUnit.SECONDS.toMillis(5));
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** What it has printed so far. */
  public String output() {
    return output.toString();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
