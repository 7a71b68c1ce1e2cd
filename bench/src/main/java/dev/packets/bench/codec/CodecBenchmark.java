package dev.packets.bench.codec;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Encode, decode and round trip of Move and Player by each contender ({@link CodecRun}).
 *
 * <pre>java -jar bench/target/benchmarks.jar CodecBenchmark -prof gc</pre>
 */
public class CodecBenchmark extends CodecRun {
  @Param({"packets", "packetsByteBuf", "kryo", "kryoRecord", "fory", "protobuf", "msgpack", "jackson"})
  public String contender;

  @Param({"Move", "Player"})
  public String packet;

  @Setup
  public void setUp() {
    use(contender, packet);
  }
}
