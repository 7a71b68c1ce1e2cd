package dev.packets.handwritten;

import dev.packets.Int16;
import dev.packets.Name;
import dev.packets.Packet;
import dev.packets.UInt8;
import dev.packets.VarUint;
import java.util.List;

/**
 * schemapack's README example: {@code {health: varuint, jumping: bool, position: [int16], attributes: {str: uint8,
 * agi: uint8, int: uint8}}}.
 */
@Packet
public record Player(@VarUint int health, boolean jumping, List<@Int16 Short> position, Attributes attributes) {

  /** The nested object. */
  public record Attributes(@UInt8 int str, @UInt8 int agi, @Name("int") @UInt8 int intelligence) {}
}
