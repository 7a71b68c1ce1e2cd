package dev.packets.bench.server;

import dev.packets.server.PacketServer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The broadcast benchmark's server: a PacketServer pushing the benchmark's Move to every connected socket {@code hz}
 * times a second ({@code server.broadcast}: one encode, one frame buffer per way shared by every mailbox), on either
 * way, while at least {@code connections} sockets are connected (so that they all connect before it starts, and a
 * next phase's clients too). {@code java -cp bench/target/benchmarks.jar dev.packets.bench.server.BroadcastServer
 * <port> <hz> <connections>}
 */
public final class BroadcastServer {
  private BroadcastServer() {}

  public static void main(String[] args) throws Exception {
    PacketServer server = EchoServer.server(Integer.parseInt(args[0]));
    double hz = Double.parseDouble(args[1]);
    int connections = Integer.parseInt(args[2]);
    ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    ticks.scheduleAtFixedRate(() -> {
      if (server.metrics().connections() >= connections) {
        server.broadcast(EchoServer.MOVE);
      }
    }, 0, Math.round(1e6 / hz), TimeUnit.MICROSECONDS);
    System.out.println("broadcast server on " + server.port() + " at " + hz + " Hz");
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    Thread.currentThread().join();
  }
}
