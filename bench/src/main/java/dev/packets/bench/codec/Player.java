package dev.packets.bench.codec;

import dev.packets.Name;
import dev.packets.Packet;
import dev.packets.UInt8;
import dev.packets.VarUint;
import java.util.List;

/** schemapack's README packet. */
@Packet
public record Player(@VarUint int health, boolean jumping, List<Short> position, Attributes attributes) {
  static final Player SAMPLE = new Player(4000, false, List.of((short) -540, (short) 343, (short) 1201),
      new Attributes(87, 42, 22));

  /** Nested object. */
  public record Attributes(@UInt8 int str, @UInt8 int agi, @Name("int") @UInt8 int intelligence) {}
}
