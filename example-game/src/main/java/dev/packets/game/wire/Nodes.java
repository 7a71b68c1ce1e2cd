package dev.packets.game.wire;

import dev.packets.Packet;
import java.util.List;

/** Every node of the world, pushed once a second to the clients that watch the world. */
@Packet
public record Nodes(List<NodeInfo> nodes) {}
