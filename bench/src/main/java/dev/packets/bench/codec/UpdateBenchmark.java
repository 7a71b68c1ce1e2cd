package dev.packets.bench.codec;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Encode, decode and round trip ({@link CodecRun}) of Update, the packet with extension types (an int64, an
 * optional string and an enum), by packets and by the peers that carry the same: Kryo and Fory.
 *
 * <pre>java -jar bench/target/benchmarks.jar UpdateBenchmark -prof gc</pre>
 */
public class UpdateBenchmark extends CodecRun {
  @Param({"packets", "packetsByteBuf", "kryo", "kryoRecord", "fory"})
  public String contender;

  @Setup
  public void setUp() {
    use(contender, "Update");
  }
}
