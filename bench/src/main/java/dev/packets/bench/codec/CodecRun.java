package dev.packets.bench.codec;

import java.util.HexFormat;
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
 * Encode, decode and round trip of one packet by one contender; one fork per contender and packet, so every call
 * site stays monomorphic. Each fork prints its contender's bytes on the wire once, before warming up. Subclasses
 * choose the contenders and packets with their {@code @Param}s and call {@link #use} from their {@code @Setup}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class CodecRun {
  private Contender codec;
  private Object value;

  static Object sample(String packet) {
    return switch (packet) {
      case "Move" -> Move.SAMPLE;
      case "Player" -> Player.SAMPLE;
      default -> Update.SAMPLE;
    };
  }

  void use(String contender, String packet) {
    codec = Contenders.create(contender, packet);
    value = sample(packet);
    int length = codec.encode(value);
    System.out.printf("wire: %s %s %d bytes %s%n", packet, contender, length, HexFormat.of().formatHex(codec.bytes()));
  }

  @Benchmark
  public int encode() {
    return codec.encode(value);
  }

  @Benchmark
  public Object decode() {
    return codec.decode();
  }

  @Benchmark
  public Object roundTrip() {
    codec.encode(value);
    return codec.decode();
  }
}
