package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.server.TestPackets.Move;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server pings every interval and drops a client that does not answer within the timeout: here a raw
 * websocket that connects and then never answers engine.io's ping, beside a PacketClient that does.
 */
class PingTimeoutTest {

  @Test
  void aClientThatNeverAnswersPingsIsDropped() throws Exception {
    CompletableFuture<String> reason = new CompletableFuture<>();
    ServerBuilder builder = TestPackets.server().ping(Duration.ofMillis(300), Duration.ofMillis(300))
        .onDisconnect((socket, why) -> reason.complete(why));
    try (PacketServer server = builder.build().start();
        PacketClient polite = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()),
            TestPackets.REGISTRY, ClientOptions.DEFAULT)) {
      RawSocket silent = RawSocket.connected(server.port());
      assertEquals(2, server.metrics().connections());
      long start = System.nanoTime();
      assertEquals("2", silent.next(), "the server's ping");
      assertTrue(reason.get(10, TimeUnit.SECONDS).contains("ping timeout"), reason.get());
      long dropped = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(dropped >= 250, "dropped " + dropped + " ms after the ping, timeout 300 ms");
      silent.closed.get(10, TimeUnit.SECONDS);
      assertEquals(1, server.metrics().connections());
      assertEquals(1, server.sockets().size());

      Thread.sleep(1_000); // three more ping intervals: the polite client answers them
      assertTrue(polite.isConnected());
      assertEquals("moved 1 to 0,0", polite.send(new Move(1, 0, 0)).get(10, TimeUnit.SECONDS));
    }
  }
}
