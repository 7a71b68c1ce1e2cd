package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.server.TestPackets.Account;
import dev.packets.server.TestPackets.Kind;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A record with a long id, an optional field, an enum and a map goes from the Java client through the server's
 * acceptor and back (packets-js sends the same one in js-client.mjs, JsClientTest).
 */
class ExtensionTypesOverTheServerTest {
  @Test
  void anAccountRoundTripsFromTheJavaClient() throws Exception {
    try (PacketServer server = TestPackets.server().build().start();
        PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()),
            TestPackets.REGISTRY, ClientOptions.DEFAULT)) {
      Object promoted = client.send(new Account(Long.MAX_VALUE - 1, "al", Kind.BOT, Map.of("hp", 65_535),
          Optional.of(-2L))).get(5, TimeUnit.SECONDS);
      assertEquals(new Account(Long.MAX_VALUE, "AL", Kind.ADMIN, Map.of("hp", 65_535, "level", 1), Optional.of(-1L)),
          promoted);
      Object absent = client.send(new Account(-1, null, Kind.PLAYER, Map.of(), Optional.empty()))
          .get(5, TimeUnit.SECONDS);
      assertEquals(new Account(0, null, Kind.ADMIN, Map.of("level", 1), Optional.empty()), absent);
    }
  }
}
