package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.testing.Child;
import dev.packets.testing.External;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * This repository's JavaScript client (packets-js) under Node against the server, through a recovery and a server
 * restart, on each way: the packets lane and Socket.IO.
 */
class JsClientTest {

  @ParameterizedTest
  @ValueSource(strings = {"lane", "socket.io"})
  void javascriptClientSpeaksToTheServer(String transport) throws Exception {
    String node = External.tool("node", "install Node 18+ (apt-get install nodejs npm)");
    assertTrue(new File("../packets-js/node_modules/socket.io-client").isDirectory(),
        "packets-js must be built first (its module runs npm ci)");
    AtomicReference<PacketServer> server = new AtomicReference<>(RecoveryInteropTest.node().build().start());
    int port = server.get().port();
    String output;
    try (Child driver = Child.start(new File("src/test/node"), line -> {
      if (line.equals("restart me")) {
        server.get().close();
        server.set(RecoveryInteropTest.node().port(port).build().start());
      }
    }, List.of(node, "js-client.mjs", String.valueOf(port), transport))) {
      int exit = driver.await(Duration.ofSeconds(30));
      output = driver.output();
      System.out.println(output);
      assertEquals(0, exit, output);
    } finally {
      server.get().close();
    }
    assertTrue(output.contains("connected on " + transport), output);
    assertTrue(output.contains("a client of another packet table is refused"), output);
    assertTrue(output.contains("200 random ones too"), output);
    assertTrue(output.contains("recovered its session with the push it missed"), output);
    assertTrue(output.contains("reconnected after a server restart"), output);
  }

  @org.junit.jupiter.api.Test
  void javascriptClientFallsBackToSocketIoWhenTheLaneIsRefused() throws Exception {
    String node = External.tool("node", "install Node 18+ (apt-get install nodejs npm)");
    try (PacketServer lane = TestPackets.server().build().start();
        PacketServer noLane = TestPackets.server().lane(false).build().start();
        Child driver = Child.start(new File("src/test/node"), line -> { }, List.of(node, "fallback-client.mjs",
            String.valueOf(lane.port()), String.valueOf(noLane.port())))) {
      int exit = driver.await(Duration.ofSeconds(30));
      String output = driver.output();
      assertEquals(0, exit, output);
      assertTrue(output.contains("by default on the lane"), output);
      assertTrue(output.contains("on Socket.IO when the lane is refused"), output);
      assertTrue(output.contains("a client on the lane only is refused with the reason"), output);
    }
  }
}
