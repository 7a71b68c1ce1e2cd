package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.testing.Child;
import dev.packets.testing.External;
import java.io.File;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The real socket.io-client and schemapack from npm, over websocket and over polling, against the server. */
class NodeInteropTest {

  @Test
  void nodeClientSpeaksToTheServer() throws Exception {
    String node = External.tool("node", "install Node 18+ (apt-get install nodejs npm)");
    File dir = new File("src/test/node");
    assertTrue(new File(dir, "node_modules/socket.io-client").isDirectory(),
        "run `npm ci` in socket-server/src/test/node (the build does it in generate-test-resources)");
    try (PacketServer server = TestPackets.server().build().start()) {
      String output = Child.run(dir, Duration.ofSeconds(60), node, "driver.js", String.valueOf(server.port()));
      assertTrue(output.contains("interop ok"), output);
      assertTrue(server.metrics().errors() >= 4, "bad input counted: " + server.metrics().snapshot());
    }
  }
}
