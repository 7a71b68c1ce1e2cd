package dev.packets.intercom.redis;

import dev.packets.intercom.IntercomException;
import dev.packets.intercom.node.FrameSeal;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One node's two binary Redis connections: one subscribed to the node's channels, one that publishes. Lettuce
 * reconnects both and resubscribes; meanwhile, publishing fails at once ({@code REJECT_COMMANDS}) instead of
 * queueing.
 */
final class RedisLink {
  private final String where;
  private final ClientResources ownedResources;
  private final RedisClient client;
  private final Duration connectTimeout;
  /** Every frame published is sealed with the cluster's secret (or not, for an insecure cluster). */
  private final FrameSeal seal;
  private StatefulRedisPubSubConnection<byte[], byte[]> sub;
  private StatefulRedisConnection<byte[], byte[]> pub;

  /**
   * @param resources Lettuce's threads, shared and not shut down here; null for threads of the link's own, with
   *     reconnect attempts backing off from 10 ms to {@code maxReconnectDelay}; one I/O thread, so that the
   *     publishing and subscribed connections share it and a reply written from a handler is written at once
   */
  RedisLink(RedisURI uri, ClientResources resources, Duration maxReconnectDelay, Duration connectTimeout,
      FrameSeal seal) {
    where = uri.toString();
    this.seal = seal;
    this.connectTimeout = connectTimeout;
    ownedResources = resources != null ? null : DefaultClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(10), maxReconnectDelay, 2, TimeUnit.MILLISECONDS))
        .ioThreadPoolSize(1)
        .computationThreadPoolSize(2)
        .build();
    client = RedisClient.create(resources != null ? resources : ownedResources, uri);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
        .build());
  }

  /** Where Redis is, for messages. */
  String where() {
    return where;
  }

  /**
   * Connects and subscribes; {@code onMessage} gets (channel, message) on a Lettuce thread, {@code onConnected}
   * runs after each reconnection of the subscriber and {@code onDisconnected} after each loss.
   */
  void connect(BiConsumer<byte[], byte[]> onMessage, Runnable onConnected, Runnable onDisconnected,
      byte[]... channels) {
    sub = client.connectPubSub(ByteArrayCodec.INSTANCE);
    sub.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(byte[] channel, byte[] message) {
        onMessage.accept(channel, message);
      }
    });
    sub.addListener(new RedisConnectionStateListener() {
      @Override
      public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
        onConnected.run();
      }

      @Override
      public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
        onDisconnected.run();
      }
    });
    sub.setTimeout(connectTimeout);
    sub.sync().subscribe(channels);
    pub = client.connect(ByteArrayCodec.INSTANCE);
  }

  /** Whether both connections are up. */
  boolean connected() {
    return sub != null && pub != null && sub.isOpen() && pub.isOpen();
  }

  /**
   * Seals a frame and publishes it; the stage holds how many subscribers got it, or fails at once while Redis is
   * down.
   */
  CompletionStage<Long> publish(byte[] channel, byte[] frame) {
    if (pub == null) {
      return CompletableFuture.failedFuture(new IntercomException("not connected to Redis at " + where));
    }
    return pub.async().publish(channel, seal.seal(frame));
  }

  /** Closes the connections and the threads of the link's own. */
  void close() {
    if (sub != null) {
      sub.close();
    }
    if (pub != null) {
      pub.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    if (ownedResources != null) {
      ownedResources.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }
}
