package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.server.TestPackets.Move;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Java client's futures complete on its I/O thread (mostly), which reads every connection of the process:
 * chaining another send there works, and so does waiting on another thread. (That waiting on the I/O thread itself
 * fails at once is {@code ClientFutureTest}'s, in socket-client: which thread runs a callback is the JDK's choice.)
 */
class ClientThreadsTest {
  private static PacketClient client(PacketServer server) {
    return PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()), TestPackets.REGISTRY,
        ClientOptions.DEFAULT);
  }

  @Test
  void answersChainOnTheIoThreadAndWaitOnAnother() throws Exception {
    try (PacketServer server = TestPackets.server().build().start(); PacketClient client = client(server)) {
      Object chained = client.send(new Move(1, 0, 0)).thenCompose(first -> client.send(new Move(2, 3, 4)))
          .get(10, TimeUnit.SECONDS);
      assertEquals("moved 2 to 3,4", chained);
      assertEquals("moved 3 to 0,0", client.send(new Move(1, 0, 0))
          .thenApplyAsync(first -> client.send(new Move(3, 0, 0)).join()).get(10, TimeUnit.SECONDS),
          "waiting on another thread (an *Async stage) is fine");
    }
  }
}
