package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** This repository's JavaScript client (packets-js) under Node against the server, through a server restart. */
class JsClientTest {

  @Test
  void javascriptClientSpeaksToTheServer() throws Exception {
    String node = External.require("node", "install Node 18+ (apt-get install nodejs npm)");
    assertTrue(new File("../packets-js/node_modules/socket.io-client").isDirectory(),
        "packets-js must be built first (its module runs npm ci)");
    PacketServer server = TestPackets.server().build().start();
    int port = server.port();
    Process driver = new ProcessBuilder(node, "js-client.mjs", String.valueOf(port))
        .directory(new File("src/test/node")).redirectErrorStream(true).start();
    StringBuilder output = new StringBuilder();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(driver.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.append(line).append('\n');
        if (line.equals("restart me")) {
          server.close();
          server = TestPackets.server().port(port).build().start();
        }
      }
      assertTrue(driver.waitFor(30, TimeUnit.SECONDS), output.toString());
    } finally {
      driver.destroyForcibly();
      server.close();
    }
    System.out.println(output);
    assertEquals(0, driver.exitValue(), output.toString());
    assertTrue(output.toString().contains("reconnected after a server restart"), output.toString());
  }
}
