package dev.packets.intercom.redis;

import java.time.Duration;

/**
 * A Redis intercom node in a JVM of its own, for the test that kills one without a goodbye. Arguments: Redis URI,
 * channel prefix, node id, heartbeat in milliseconds. Prints {@code READY} once it has joined.
 */
public final class IntercomNodeProcess {
  private IntercomNodeProcess() {}

  public static void main(String[] args) throws InterruptedException {
    RedisIntercom node = RedisIntercom.builder(args[0]).secret(RedisFaultTest.SECRET)
        .prefix(args[1])
        .id(args[2])
        .heartbeat(Duration.ofMillis(Long.parseLong(args[3])))
        .start();
    node.handle("who", (payload, ask) -> ask.self() + " in process " + ProcessHandle.current().pid());
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
