package dev.packets.bench.codec;

import java.util.HexFormat;

/** Prints each contender's bytes on the wire: {@code java -cp bench/target/benchmarks.jar dev.packets.bench.codec.WireSizes}. */
public final class WireSizes {
  private WireSizes() {}

  public static void main(String[] args) {
    for (String packet : new String[] {"Move", "Player", "Update"}) {
      Object value = CodecRun.sample(packet);
      for (String name : packet.equals("Update") ? Contenders.UPDATE_NAMES : Contenders.NAMES) {
        Contender c = Contenders.create(name, packet);
        int length = c.encode(value);
        System.out.printf("%-7s %-15s %3d bytes  %s%n", packet, name, length, HexFormat.of().formatHex(c.bytes()));
      }
    }
  }
}
