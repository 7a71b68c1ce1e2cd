package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.server.TestPackets.Move;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The server's counters as Micrometer meters, read when scraped. */
class PacketServerMetersTest {

  @Test
  void metersFollowTheServersCounters() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (PacketServer server = TestPackets.server().build().start()) {
      new PacketServerMeters(server, Tags.of("node", "1")).bindTo(meters);
      assertEquals(0, meters.get("packets.connections").tag("node", "1").gauge().value());
      try (PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()),
          TestPackets.REGISTRY, ClientOptions.DEFAULT)) {
        client.send(new Move(1, 0, 0)).get(10, TimeUnit.SECONDS);
        client.send(new Move(2, 0, 0)).get(10, TimeUnit.SECONDS);
        client.send(new Move(0, 0, 0)).handle((ok, e) -> e).get(10, TimeUnit.SECONDS); // refused: 422
        assertEquals(1, meters.get("packets.connections").gauge().value());
        assertEquals(1, meters.get("packets.connections.opened").functionCounter().count());
        assertEquals(3, meters.get("packets.in").functionCounter().count());
        assertEquals(1, meters.get("packets.refused").functionCounter().count());
        assertTrue(meters.get("packets.bytes.in").functionCounter().count() >= 3);
        FunctionTimer acceptor = meters.get("packets.acceptor").functionTimer();
        assertEquals(3, acceptor.count());
        assertTrue(acceptor.totalTime(TimeUnit.NANOSECONDS) > 0);
      }
    }
  }
}
