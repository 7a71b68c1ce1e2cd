package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.testing.Child;
import dev.packets.testing.External;
import java.io.File;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A client without codecs (the real socket.io-client, no schemapack) plays with JSON alone: it sends packets
 * dehydrated, and pushes, sends and packet responses come back to it dehydrated too — when its first packet was
 * dehydrated, or when it asked for JSON at connect.
 */
class JsonClientTest {
  @Test
  void aClientWithoutCodecsReadsPacketsAsJson() throws Exception {
    String node = External.tool("node", "install Node 18+ (apt-get install nodejs npm)");
    try (PacketServer server = RecoveryInteropTest.node().build().start()) {
      String output = Child.run(new File("src/test/node"), Duration.ofSeconds(60), node, "json-client.js",
          String.valueOf(server.port()));
      assertTrue(output.contains("json client ok"), output);
    }
  }
}
