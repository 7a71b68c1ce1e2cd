package dev.packets.server;

import dev.packets.socketio.PacketError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.server.TestPackets.Echo;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Say too much: the server tells an attacker nothing about itself, and logs what it refused quietly. */
class QuietTest {

  @Test
  void anAcceptorsExceptionIsAnsweredAsInternalErrorWithACorrelationId() throws Exception {
    try (PacketServer server = TestPackets.server()
        .accept(Echo.class, Acceptor.responding((echo, socket) -> {
          throw new IllegalStateException("redis at 10.1.2.3:6379 is down");
        })).build().start();
        PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()),
            TestPackets.REGISTRY, ClientOptions.DEFAULT)) {
      ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> client.send(new Echo("hi")).get(10, TimeUnit.SECONDS));
      PacketError error = (PacketError) failed.getCause();
      assertEquals(500, error.code());
      assertTrue(error.reason().matches("internal error \\(id [0-9a-f]{16}\\)"), error.reason());
      assertFalse(error.reason().contains("redis"), error.reason());
    }
  }

  @Test
  void noServerHeaderAndMalformedPollingAnswers400() throws Exception {
    try (PacketServer server = TestPackets.server().build().start();
        RawHttp raw = new RawHttp(server.port())) {
      RawHttp.Response health = raw.exchange("GET", "/health", null, "");
      assertEquals(200, health.status());
      assertFalse(health.headers().containsKey("server"), health.headers().toString());
      String sid = raw.openPollingSession();
      RawHttp.Response junk = raw.exchange("POST", "/socket.io/?EIO=4&transport=polling&sid=" + sid, "zz\u001e9",
          "");
      assertEquals(400, junk.status(), junk.toString());
    }
  }

  @Test
  void anAuthenticatorThatNeverAnswersRefusesAfterTheAuthenticationTimeout() throws Exception {
    try (PacketServer server = TestPackets.server().authenticationTimeout(Duration.ofMillis(300))
        .authenticate((auth, headers) -> {
          try {
            Thread.sleep(5_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return "late";
        }).build().start()) {
      PacketError refused = org.junit.jupiter.api.Assertions.assertThrows(PacketError.class,
          () -> PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()), TestPackets.REGISTRY,
              ClientOptions.DEFAULT));
      assertTrue(refused.reason().contains("authentication timed out"), refused.toString());
    }
  }
}
