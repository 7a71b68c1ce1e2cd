package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.PacketRegistry;
import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.server.TestPackets.AllTypes;
import dev.packets.server.TestPackets.Move;
import dev.packets.socketio.PacketError;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * A Java client whose packet table differs from the server's does not connect (a packet it sent would be another
 * packet there), and says which packet differs first; unless it is told to connect anyway.
 */
class RegistryMismatchTest {
  @Test
  void aClientWithAnotherTableIsRefusedWithTheFirstPacketThatDiffers() {
    try (PacketServer server = TestPackets.server().build().start()) {
      URI uri = URI.create("http://127.0.0.1:" + server.port());
      // the server: Account 1, AllTypes 2, Bundle 3, Echo 4, Move 5, Ping 6, Redirect 7, Refresh 8
      PacketError renumbered = assertThrows(PacketError.class, () -> PacketClient.connect(uri,
          PacketRegistry.of(Move.class, TestPackets.Echo.class), ClientOptions.DEFAULT));
      assertEquals(409, renumbered.code());
      assertTrue(renumbered.reason().contains(": packet 1 is Bundle here and Account there"), renumbered.reason());
      assertTrue(renumbered.reason().contains("withRegistryMismatchAllowed(true)"), renumbered.reason());

      // one packet fewer: the ids from Ping on are not the server's (a reshaped packet: PacketTablesTest)
      PacketError shorter = assertThrows(PacketError.class, () -> PacketClient.connect(uri,
          PacketRegistry.of(Move.class, TestPackets.Echo.class, AllTypes.class, TestPackets.Account.class),
          ClientOptions.DEFAULT));
      assertTrue(shorter.reason().contains(": packet 6 is Redirect here and Ping there"), shorter.reason());
    }
  }

  @Test
  void toldToConnectAnywayItConnects() throws Exception {
    try (PacketServer server = TestPackets.server().build().start();
        PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()),
            PacketRegistry.of(Move.class, TestPackets.Echo.class),
            ClientOptions.DEFAULT.withRegistryMismatchAllowed(true))) {
      assertTrue(client.isConnected());
    }
  }
}
