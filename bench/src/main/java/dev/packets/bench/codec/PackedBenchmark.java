package dev.packets.bench.codec;

import dev.packets.PacketRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding a packet with a {@code @Packed} field (msgpack inside schemapack), into a reused buffer.
 *
 * <pre>java -jar bench/target/benchmarks.jar PackedBenchmark -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class PackedBenchmark {
  private final PacketRegistry registry = PacketRegistry.of(Say.class);
  private final ByteBuf buf = Unpooled.buffer(256);

  @Benchmark
  public ByteBuf encodeSay() {
    buf.clear();
    registry.encode(Say.SAMPLE, buf);
    return buf;
  }
}
