package dev.packets.server;

import java.util.concurrent.CompletableFuture;

/**
 * One socket's queue: its packets are handled one after another, in arrival order; {@code tail} completes when the
 * last one queued is answered (guarded by the lane's own lock).
 */
final class Lane {
  final TokenBucket bucket;
  CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

  Lane(TokenBucket bucket) {
    this.bucket = bucket;
  }
}
