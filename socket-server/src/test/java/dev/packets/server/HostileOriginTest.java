package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * Ride a user's session: a page from another origin can neither open a websocket nor poll, and is never told it
 * may read answers with the user's credentials; JSONP is not served.
 */
class HostileOriginTest {

  @Test
  void anotherOriginIsRefusedOnBothTransports() throws Exception {
    try (PacketServer server = TestPackets.server().build().start();
        RawHttp polling = new RawHttp(server.port())) {
      assertThrows(ExecutionException.class, () -> RawSocket.open(server.port(), "http://evil.example", true, ""));
      RawHttp.Response answer = polling.exchange("GET", "/socket.io/?EIO=4&transport=polling", null,
          "Origin: http://evil.example\r\n");
      assertEquals(403, answer.status(), answer.toString());
      assertFalse(answer.headers().containsKey("access-control-allow-origin"), answer.toString());
      assertFalse(answer.headers().containsKey("access-control-allow-credentials"), answer.toString());
    }
  }

  @Test
  void theServersOwnOriginAndNoOriginAreAllowed() throws Exception {
    try (PacketServer server = TestPackets.server().build().start();
        RawHttp polling = new RawHttp(server.port())) {
      String own = "http://127.0.0.1:" + server.port();
      RawSocket socket = RawSocket.open(server.port(), own, true, "");
      socket.expect("0{");
      RawSocket.open(server.port()).expect("0{");
      RawHttp.Response answer = polling.exchange("GET", "/socket.io/?EIO=4&transport=polling", null,
          "Origin: " + own + "\r\n");
      assertEquals(200, answer.status(), answer.toString());
      assertFalse(answer.headers().containsKey("access-control-allow-credentials"), "credentials are not offered");
    }
  }

  @Test
  void allowedOriginsAreConfigured() throws Exception {
    try (PacketServer server = TestPackets.server().allowedOrigins("https://game.example").build().start();
        RawHttp polling = new RawHttp(server.port())) {
      RawSocket.open(server.port(), "https://game.example", true, "").expect("0{");
      RawHttp.Response answer = polling.exchange("GET", "/socket.io/?EIO=4&transport=polling", null,
          "Origin: https://game.example\r\n");
      assertEquals(200, answer.status(), answer.toString());
      assertEquals("https://game.example", answer.headers().get("access-control-allow-origin"));
      assertThrows(ExecutionException.class, () -> RawSocket.open(server.port(), "https://other.example", true, ""));
    }
  }

  @Test
  void jsonpIsNotServed() throws Exception {
    try (PacketServer server = TestPackets.server().build().start();
        RawHttp polling = new RawHttp(server.port())) {
      RawHttp.Response answer = polling.exchange("GET", "/socket.io/?EIO=4&transport=polling&j=0", null, "");
      assertEquals(400, answer.status(), answer.toString());
      assertTrue(!answer.body().contains("___eio"), answer.body());
    }
  }
}
