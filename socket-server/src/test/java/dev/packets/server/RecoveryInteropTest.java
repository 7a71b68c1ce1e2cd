package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.intercom.LocalHub;
import dev.packets.server.TestPackets.Echo;
import dev.packets.testing.Child;
import dev.packets.testing.External;
import java.io.File;
import java.time.Duration;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Connection state recovery with the stock socket.io-client from npm: the transport breaks, another node pushes
 * three packets to the socket's room, the client comes back to a different node, and that node recovers the session
 * (same id, attributes, rooms) from the node that held it, with the three packets in order, once each.
 */
class RecoveryInteropTest {
  static final PacketSocket.Key<String> NICK = new PacketSocket.Key<>("nick", String.class);

  /** A node whose Echo acceptor joins rooms, pushes to them, and says who the socket is. */
  static ServerBuilder node() {
    return TestPackets.server().recovery().accept(Echo.class, Acceptor.responding((echo, socket) -> {
      String[] words = echo.text().split(":", 3);
      return switch (words[0]) {
        case "join" -> {
          socket.join(words[1]);
          socket.set(NICK, "ada");
          yield "joined";
        }
        case "push" -> {
          socket.server().to(words[1]).send(new Echo(words[2]));
          yield "pushed";
        }
        case "whoami" -> socket.id() + " nick=" + socket.get(NICK) + " rooms="
            + String.join(",", new TreeSet<>(socket.rooms())) + " recovered=" + socket.recovered();
        default -> new Echo(echo.text().toUpperCase());
      };
    }));
  }

  @Test
  void theStockClientRecoversItsSessionOnAnotherNode() throws Exception {
    String node = External.tool("node", "install Node 18+ (apt-get install nodejs npm)");
    File dir = new File("src/test/node");
    LocalHub hub = LocalHub.binary(TestPackets.REGISTRY);
    try (var ia = hub.join("a"); var ib = hub.join("b");
        PacketServer a = node().intercom(ia).build().start();
        PacketServer b = node().intercom(ib).build().start()) {
      String output = Child.run(dir, Duration.ofSeconds(90), node, "recovery.js", String.valueOf(a.port()),
          String.valueOf(b.port()));
      assertTrue(output.contains("recovery ok"), output);
      // two scenarios (websocket, polling then websocket): each recovered once on B, and one unknown pid each
      assertEquals(2, b.metrics().recovered(), b.metrics().snapshot().toString());
      assertEquals(2, b.metrics().notRecovered(), b.metrics().snapshot().toString());
      assertEquals(0, a.metrics().parked(), "A handed its sessions over: " + a.metrics().snapshot());
    }
  }
}
