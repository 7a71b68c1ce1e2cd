package dev.packets.server;

import dev.packets.server.engine.TokenBucket;
import java.util.concurrent.CompletableFuture;

/**
 * One socket's queue: its packets are handled one after another, in arrival order; {@code tail} completes when the
 * last one queued is answered, and {@code queued} counts those not yet answered (both guarded by the lane's own
 * lock).
 */
final class Lane {
  final TokenBucket bucket;
  CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
  /** Packets queued here and not yet answered. */
  int queued;
  /** Whether the socket is still in its authentication and connect hooks (its packets wait, a few at most). */
  volatile boolean admitting;

  Lane(TokenBucket bucket) {
    this.bucket = bucket;
  }
}
