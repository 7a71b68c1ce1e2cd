package dev.packets.game.wire;

import dev.packets.Packet;
import dev.packets.UInt16;
import dev.packets.UInt8;
import dev.packets.VarUint;
import java.util.List;

/**
 * Compact positions of the entities one node simulates, about seven bytes an entity: x and y in 1/8 world units,
 * the heading in 1/256 turns. A tick's snapshot is {@code Bundle.of(tick, spots of node 1, spots of node 2, ...)}.
 *
 * @param node the simulating node's number (1 for {@code node-1})
 */
@Packet
public record Spots(@UInt8 int node, List<Spot> spots) {

  /** One entity's compact position. */
  public record Spot(@VarUint int entity, @UInt16 int x, @UInt16 int y, @UInt8 int heading) {
    /** Units of position per world unit. */
    public static final float SCALE = 8f;
  }
}
