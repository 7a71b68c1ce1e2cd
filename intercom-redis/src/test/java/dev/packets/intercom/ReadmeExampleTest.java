package dev.packets.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.packets.PacketRegistry;
import dev.packets.intercom.redis.RedisIntercom;
import dev.packets.testing.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The README's intercom examples, as they are printed there. */
final class ReadmeExampleTest {
  @Test
  void twoNodesInOneProcess() {
    // README: begin local
    LocalHub hub = LocalHub.create();
    Intercom one = hub.join("one");
    Intercom two = hub.join("two");
    two.handle("where", (entity, ask) -> entity.equals(7) ? new Position(7, 1.5f, 2f) : null);

    Gathered where = one.ask("where", 7, Duration.ofMillis(250)).join();
    where.values();     // [Position[entity=7, x=1.5, y=2.0]]
    where.noHandler();  // [one]
    // README: end local

    assertEquals(List.of(new Position(7, 1.5f, 2f)), where.values());
    assertEquals(Set.of("one"), where.noHandler());
    one.close();
    two.close();
  }

  @Test
  void twoNodesOnRedis() {
    try (RedisServer redis = RedisServer.startOrSkip()) {
      String uri = redis.uri();
      // README: begin redis
      PacketRegistry packets = PacketRegistry.of(Position.class);
      try (Intercom one = RedisIntercom.builder(uri).secret("the cluster's shared secret").id("one").registry(packets).start();
          Intercom two = RedisIntercom.builder(uri).secret("the cluster's shared secret").id("two").registry(packets).start()) {
        two.handle("where", (entity, ask) -> entity.equals(7) ? new Position(7, 1.5f, 2f) : null);

        Gathered where = one.ask("where", 7, Duration.ofMillis(250)).join();
        where.values();     // [Position[entity=7, x=1.5, y=2.0]], decoded from its bytes
        where.noHandler();  // [one]
        // README: end redis

        assertEquals(List.of(new Position(7, 1.5f, 2f)), where.values());
        assertEquals(Set.of("one"), where.noHandler());
      }
    }
  }
}
