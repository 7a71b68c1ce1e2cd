package dev.packets.intercom;

import dev.packets.intercom.redis.RedisIntercom;
import dev.packets.testing.RedisServer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/** The contract on a real redis-server; each test has channels of its own. */
final class RedisIntercomTest extends IntercomContract {
  private static final AtomicInteger TESTS = new AtomicInteger();
  private static RedisServer redis;
  private String prefix;

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  /** Starts one redis-server for the class on the first test, or skips each test (so that reports count them). */
  @BeforeEach
  void redisAndChannels() {
    if (redis == null) {
      redis = RedisServer.startOrSkip();
    }
    prefix = "test" + TESTS.incrementAndGet();
  }

  @Override
  protected Intercom start(String id) {
    return RedisIntercom.builder(redis.uri()).secret(dev.packets.intercom.redis.RedisFaultTest.SECRET)
        .id(id)
        .prefix(prefix)
        .registry(REGISTRY)
        .heartbeat(Duration.ofMillis(200))
        .missedHeartbeats(5)
        .start();
  }

  @Override
  protected boolean answersOnIoThread() {
    return true;
  }

  @Override
  protected boolean binary() {
    return true;
  }
}
