package dev.packets.bench.codec;

import dev.packets.Int64;
import dev.packets.Packet;
import dev.packets.VarUint;
import org.jspecify.annotations.Nullable;

/** A packet with packets' extension types: a long, an optional field and an enum (issue 12's benchmark). */
@Packet
public record Update(@Int64 long at, @Nullable String label, Kind kind, @VarUint int entity) {
  /** What the entity does. */
  public enum Kind { IDLE, WALK, RUN }

  static final Update SAMPLE = new Update(1_764_000_000_123L, "ada", Kind.RUN, 7);
}
