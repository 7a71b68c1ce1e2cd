package dev.packets.bench.server;

import dev.packets.PacketRegistry;
import dev.packets.bench.codec.Move;
import dev.packets.server.Acceptor;
import dev.packets.server.PacketServer;
import java.util.HexFormat;

/**
 * The server under load: a PacketServer acking every Move with "ok", as the reference Node server acks every event.
 * {@code java -cp bench/target/benchmarks.jar dev.packets.bench.server.EchoServer <port>}; {@code --payload} prints
 * the Move payload and its event name for the load clients.
 */
public final class EchoServer {
  static final PacketRegistry PACKETS = PacketRegistry.of(Move.class);
  static final Move MOVE = new Move(7, 1.5f, -2f, 0.25f, (short) 90, "ada");

  private EchoServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--payload")) {
      System.out.println(PACKETS.id(Move.class) + " " + HexFormat.of().formatHex(PACKETS.encode(MOVE)));
      return;
    }
    PacketServer server = server(Integer.parseInt(args[0]));
    System.out.println("java server on " + server.port());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    Thread.currentThread().join();
  }

  /** The benchmark's server on {@code port}, started: Moves answered "ok", no limit a load would meet. */
  static PacketServer server(int port) {
    return PacketServer.builder()
        .host("127.0.0.1")
        .port(port)
        .packets(PACKETS)
        .rateLimit(1e9, 1e9, Integer.MAX_VALUE)
        .maxConnections(100_000)
        // every load client comes from 127.0.0.1: the per-address cap (64 by default) would refuse the idle phase
        .maxConnectionsPerAddress(100_000)
        .accept(Move.class, Acceptor.responding((move, socket) -> "ok"))
        .build()
        .start();
  }
}
