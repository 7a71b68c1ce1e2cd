package dev.packets.game.wire;

import dev.packets.Packet;
import dev.packets.VarUint;
import dev.packets.socketio.Request;

/** Asks where an entity is, whichever node simulates it; answered with {@link Position}. */
@Packet
public record WhereIs(@VarUint int entity) implements Request<Position> {}
