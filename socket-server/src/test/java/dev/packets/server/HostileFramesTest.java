package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.server.TestPackets.Move;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Whatever a client sends, the server carries on: seeded random frames, many of them shaped like the hot path's
 * headers, then a fresh client is still answered; and the switch that turns dehydrated packets off.
 */
class HostileFramesTest {
  private static final String PLACEHOLDER = "{\"_placeholder\":true,\"num\":0}";

  @Test
  void randomFramesNeitherBreakTheServerNorOtherSockets() throws Exception {
    Random random = new Random(20261122);
    String[] shapes = {
        "451-%d[\"%d\"," + PLACEHOLDER + "]", "451-%d[%d," + PLACEHOLDER + "]", "452-%d[\"%d\"," + PLACEHOLDER + "]",
        "45%d-[\"%d\"]", "43%d[%d]", "42[\"%d\",%d]", "4%d%d", "451-/x,%d[\"%d\"," + PLACEHOLDER + "]",
    };
    try (PacketServer server = TestPackets.server().build().start();
        PacketClient bystander = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()),
            TestPackets.REGISTRY, ClientOptions.DEFAULT)) {
      for (int connection = 0; connection < 8; connection++) {
        RawSocket raw = RawSocket.connected(server.port());
        for (int i = 0; i < 150 && !raw.closed.isDone(); i++) {
          try {
            if (random.nextInt(3) == 0) {
              byte[] junk = new byte[random.nextInt(40)];
              random.nextBytes(junk);
              raw.ws.sendBinary(ByteBuffer.wrap(junk), true).get(10, TimeUnit.SECONDS);
            } else {
              String frame = String.format(shapes[random.nextInt(shapes.length)], random.nextInt(1000) - 10,
                  random.nextInt(8) - 1);
              if (random.nextInt(4) == 0) {
                frame = frame.substring(0, random.nextInt(frame.length() + 1));
              }
              raw.ws.sendText(frame, true).get(10, TimeUnit.SECONDS);
            }
          } catch (java.util.concurrent.ExecutionException closedMeanwhile) {
            break;
          }
        }
        raw.ws.abort();
        assertEquals("moved " + (connection + 1) + " to 0,0",
            bystander.send(new Move(connection + 1, 0, 0)).get(10, TimeUnit.SECONDS));
      }
      // and after all that, a bad packet still gets its error ack, and is counted
      long errors = server.metrics().errors();
      RawSocket raw = RawSocket.connected(server.port());
      raw.send("451-1[\"999\"," + PLACEHOLDER + "]", new byte[] {1});
      String refused = raw.next().toString();
      assertTrue(refused.startsWith("431[{") && refused.contains("404"), refused);
      raw.ws.abort();
      assertEquals(errors + 1, server.metrics().errors(), server.metrics().snapshot().toString());
      PacketClient fresh = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()), TestPackets.REGISTRY,
          ClientOptions.DEFAULT);
      assertEquals("moved 9 to 0,0", fresh.send(new Move(9, 0, 0)).get(10, TimeUnit.SECONDS));
      fresh.close();
    }
  }

  @Test
  void deeplyNestedJsonClosesOnlyItsConnection() throws Exception {
    try (PacketServer server = TestPackets.server().maxPayloadBytes(1 << 20).build().start();
        PacketClient bystander = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()),
            TestPackets.REGISTRY, ClientOptions.DEFAULT)) {
      for (String frame : new String[] {
          "42[\"Move\"," + "[".repeat(200_000) + "]".repeat(200_000) + "]",
          "42[\"Move\"," + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "]",
          "451-1[\"1\"," + "[".repeat(200_000),
      }) {
        RawSocket raw = RawSocket.connected(server.port());
        raw.ws.sendText(frame, true).get(10, TimeUnit.SECONDS);
        assertEquals("moved 1 to 0,0", bystander.send(new Move(1, 0, 0)).get(10, TimeUnit.SECONDS));
        raw.ws.abort();
      }
      for (int i = 0; i < 3; i++) {
        PacketClient fresh = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()),
            TestPackets.REGISTRY, ClientOptions.DEFAULT);
        assertEquals("moved 2 to 0,0", fresh.send(new Move(2, 0, 0)).get(10, TimeUnit.SECONDS));
        fresh.close();
      }
    }
  }

  @Test
  void dehydratedPacketsCanBeSwitchedOff() throws Exception {
    try (PacketServer server = TestPackets.server().dehydrated(false).build().start();
        PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()),
            TestPackets.REGISTRY, ClientOptions.DEFAULT)) {
      RawSocket raw = RawSocket.connected(server.port());
      raw.ws.sendText("421[\"Move\",{\"entity\":1,\"x\":0,\"y\":0}]", true).get(10, TimeUnit.SECONDS);
      String refused = raw.next().toString();
      assertTrue(refused.startsWith("431["), refused);
      org.json.JSONObject error = new org.json.JSONArray(refused.substring(3)).getJSONObject(0);
      assertEquals(400, error.getInt("code"));
      assertTrue(error.getString("reason").contains("numeric id with a binary payload"), error.toString());
      assertEquals("moved 2 to 0,0", client.send(new Move(2, 0, 0)).get(10, TimeUnit.SECONDS));
      raw.ws.abort();
    }
    try (PacketServer server = TestPackets.server().build().start();
        PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()),
            TestPackets.REGISTRY, ClientOptions.DEFAULT)) {
      assertEquals("moved 3 to 0,0",
          client.send(List.of("Move", Map.of("entity", 3, "x", 0, "y", 0))).get(10, TimeUnit.SECONDS));
    }
  }
}
