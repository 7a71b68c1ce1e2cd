package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder checks every setting and hands the server a configuration that nothing can change afterwards. */
class ServerConfigTest {

  @Test
  void badSettingsAreRefusedAtBuildWithTheirName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TestPackets.server().maxPayloadBytes(0).build());
    assertEquals("maxPayloadBytes is 0; it must be positive", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TestPackets.server().port(70_000).build());
    assertEquals("port is 70000; it must be 0 to 65535", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TestPackets.server().authenticationTimeout(Duration.ZERO).build());
    assertEquals("a timeout is PT0S; it must be positive", e.getMessage());
  }

  @Test
  void theBuilderCannotChangeABuiltServer() {
    ServerBuilder builder = TestPackets.server().maxConnections(5);
    PacketServer server = builder.build();
    builder.maxConnections(6).onConnect(socket -> { });
    assertEquals(5, server.config().maxConnections());
    assertEquals(0, server.config().onConnect().size());
    assertThrows(UnsupportedOperationException.class, () -> server.config().onConnect().add(socket -> { }));
    assertEquals(4L << 20, server.config().outboundBudget(), "the default budget, resolved: 4 × 1 MiB payload");
    server.close();
    assertThrows(IllegalStateException.class, server::start, "closed before it started: never starts");
  }
}
