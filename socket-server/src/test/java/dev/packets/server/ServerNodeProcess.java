package dev.packets.server;

import dev.packets.intercom.redis.RedisIntercom;
import java.time.Duration;

/**
 * A packet server node in a JVM of its own, on a Redis intercom, for the test that kills one mid-broadcast.
 * Arguments: Redis URI, channel prefix, node id, heartbeat in milliseconds, secret. Prints {@code READY <port>}
 * once it listens and has joined.
 */
public final class ServerNodeProcess {
  private ServerNodeProcess() {}

  public static void main(String[] args) throws InterruptedException {
    RedisIntercom node = RedisIntercom.builder(args[0]).secret(args[4])
        .prefix(args[1])
        .id(args[2])
        .heartbeat(Duration.ofMillis(Long.parseLong(args[3])))
        .registry(TestPackets.REGISTRY)
        .start();
    PacketServer server = TestPackets.server().intercom(node).build().start();
    System.out.println("READY " + server.port());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
