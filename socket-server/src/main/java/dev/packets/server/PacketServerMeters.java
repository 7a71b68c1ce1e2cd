package dev.packets.server;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * A server's {@link ServerMetrics} as Micrometer meters (micrometer-core is an optional dependency: add it to use
 * this class). The meters read the server's counters when scraped, so binding costs nothing per packet.
 *
 * <pre>{@code
 * new PacketServerMeters(server, Tags.of("node", "1")).bindTo(meterRegistry);
 * }</pre>
 *
 * <p>Meters: {@code packets.connections} (gauge), {@code packets.connections.opened}, {@code packets.in},
 * {@code packets.out}, {@code packets.bytes.in}, {@code packets.bytes.out}, {@code packets.errors},
 * {@code packets.refused} (counters) and {@code packets.acceptor} (a timer: calls and total time).
 */
public final class PacketServerMeters implements MeterBinder {
  private final PacketServer server;
  private final Iterable<Tag> tags;

  public PacketServerMeters(PacketServer server, Iterable<Tag> tags) {
    this.server = server;
    this.tags = tags;
  }

  public PacketServerMeters(PacketServer server) {
    this(server, List.of());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    ServerMetrics metrics = server.metrics();
    Gauge.builder("packets.connections", metrics, ServerMetrics::connections).tags(tags)
        .description("connected sockets").register(registry);
    counter(registry, "packets.connections.opened", "connections accepted", null, ServerMetrics::connectionsTotal);
    counter(registry, "packets.in", "packets received", null, ServerMetrics::packetsIn);
    counter(registry, "packets.out", "packets and acks sent", null, ServerMetrics::packetsOut);
    counter(registry, "packets.bytes.in", "packet payload bytes received", "bytes", ServerMetrics::bytesIn);
    counter(registry, "packets.bytes.out", "packet payload bytes sent", "bytes", ServerMetrics::bytesOut);
    counter(registry, "packets.errors", "undecodable packets, failed acceptors, malformed frames", null,
        ServerMetrics::errors);
    counter(registry, "packets.refused", "packets refused by validation, rate limits or hooks", null,
        ServerMetrics::refused);
    FunctionTimer.builder("packets.acceptor", metrics, ServerMetrics::acceptorCalls, ServerMetrics::acceptorNanos,
        TimeUnit.NANOSECONDS).tags(tags).description("acceptors, validate and respond to completion")
        .register(registry);
  }

  private void counter(MeterRegistry registry, String name, String description, String unit,
      ToDoubleFunction<ServerMetrics> count) {
    FunctionCounter.builder(name, server.metrics(), count).tags(tags).description(description).baseUnit(unit)
        .register(registry);
  }

  /** A plugin that binds the server's meters to {@code registry} when the server starts. */
  public static PacketPlugin plugin(MeterRegistry registry) {
    return new PacketPlugin() {
      @Override
      public String name() {
        return "metrics";
      }

      @Override
      public void install(ServerBuilder server) {
        // nothing to add: the meters read the running server
      }

      @Override
      public CompletionStage<Void> start(PacketServer server) {
        new PacketServerMeters(server).bindTo(registry);
        return CompletableFuture.completedFuture(null);
      }
    };
  }
}
