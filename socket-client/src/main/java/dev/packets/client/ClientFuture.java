package dev.packets.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The futures a client's sends return, and every stage made from them. Their callbacks run on the thread that
 * completes them, mostly the client's I/O thread, which reads every connection of the process: a callback that
 * waits there for another answer would hold up the very reads that bring it (every connection would stall until
 * the response timeout). Waiting for one that is not done yet on the I/O thread fails at once, and says so.
 */
final class ClientFuture<T> extends CompletableFuture<T> {
  /**
   * Fails when the calling thread is an I/O thread, the JDK HTTP client's selector thread ({@code
   * HttpClient-<n>-SelectorManager}): what it would wait for needs that thread. (The listener also runs on other
   * threads now and then, one that asked for the next message or one that connected; those may wait.)
   */
  static void checkNotIoThread(String what) {
    if (Thread.currentThread().getName().endsWith("SelectorManager")) {
      throw new IllegalStateException(what + " on the client's I/O thread would stall every connection until "
          + "it timed out: chain the work instead (thenAccept, whenComplete, thenCompose) or move it to another "
          + "thread (the *Async variants)");
    }
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new ClientFuture<>();
  }

  @Override
  public T get() throws InterruptedException, ExecutionException {
    if (!isDone()) {
      checkNotIoThread("waiting for an answer");
    }
    return super.get();
  }

  @Override
  public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
    if (!isDone()) {
      checkNotIoThread("waiting for an answer");
    }
    return super.get(timeout, unit);
  }

  @Override
  public T join() {
    if (!isDone()) {
      checkNotIoThread("waiting for an answer");
    }
    return super.join();
  }
}
