package dev.packets.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for one test class, on a free loopback port, without persistence. It can be stopped
 * and started again on the same port, and is always stopped by {@link #close()}.
 */
public final class RedisServer implements AutoCloseable {
  private static final String INSTALL = "redis-server is not installed (looked for /usr/bin/redis-server and on the"
      + " PATH, or at -Dpackets.redisServer): install it with `sudo apt-get install redis-server` to run the Redis"
      + " intercom tests";

  private final Path binary;
  private final int port;
  private Process process;

  private RedisServer(Path binary, int port) {
    this.binary = binary;
    this.port = port;
  }

  /** Starts a server, or skips the test (fails it under packets.requireExternal) if redis-server is missing. */
  public static RedisServer startOrSkip() {
    Optional<Path> binary = find();
    External.require(binary.isPresent(), INSTALL);
    RedisServer server = new RedisServer(binary.get(), FreePort.loopback());
    server.start();
    return server;
  }

  public static Optional<Path> find() {
    String chosen = System.getProperty("packets.redisServer");
    if (chosen != null) {
      return Files.isExecutable(Path.of(chosen)) ? Optional.of(Path.of(chosen)) : Optional.empty();
    }
    Path usual = Path.of("/usr/bin/redis-server");
    if (Files.isExecutable(usual)) {
      return Optional.of(usual);
    }
    return External.find("redis-server");
  }

  public int port() {
    return port;
  }

  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Starts the server and waits until it answers PING. */
  public void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("redis-server on port " + port + " is already running");
    }
    try {
      Path log = Files.createTempFile("redis-" + port + "-", ".log");
      process = new ProcessBuilder(List.of(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no"))
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!ping()) {
        if (!process.isAlive()) {
          throw new IllegalStateException("redis-server exited with " + process.exitValue() + ": "
              + Files.readString(log));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("redis-server on port " + port + " did not answer PING in 10 s");
        }
        Thread.sleep(20);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot start redis-server: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private boolean ping() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(7);
      return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      return false;
    }
  }

  /** Kills the server (as a crash would) and waits until it is gone. */
  public void stop() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("redis-server on port " + port + " did not stop");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  @Override
  public void close() {
    stop();
  }
}
