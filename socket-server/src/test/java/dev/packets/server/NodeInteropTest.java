package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real socket.io-client and schemapack from npm, over websocket and over polling, against the server. */
class NodeInteropTest {

  @Test
  void nodeClientSpeaksToTheServer() throws Exception {
    String node = External.require("node", "install Node 18+ (apt-get install nodejs npm)");
    File dir = new File("src/test/node");
    assertTrue(new File(dir, "node_modules/socket.io-client").isDirectory(),
        "run `npm ci` in socket-server/src/test/node (the build does it in generate-test-resources)");
    try (PacketServer server = TestPackets.server().build().start()) {
      Process driver = new ProcessBuilder(node, "driver.js", String.valueOf(server.port()))
          .directory(dir).redirectErrorStream(true).start();
      boolean done = driver.waitFor(60, TimeUnit.SECONDS);
      String output = new String(driver.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!done) {
        driver.destroyForcibly();
      }
      System.out.println(output);
      assertTrue(done, "driver timed out:\n" + output);
      assertEquals(0, driver.exitValue(), output);
      assertTrue(output.contains("interop ok"), output);
      assertTrue(server.metrics().errors() >= 4, "bad input counted: " + server.metrics().snapshot());
    }
  }
}
