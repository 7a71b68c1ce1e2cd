package dev.packets.handwritten;

import dev.packets.PacketLimits;
import dev.packets.codec.PacketCodec;
import dev.packets.codec.Schemas;
import dev.packets.wire.ObjectWire;
import dev.packets.wire.WireIn;
import dev.packets.wire.WireOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/** The codec packets-codegen would write for {@link Logout}. */
public final class Logout_PacketCodec implements PacketCodec<Logout> {
  private static final Object SCHEMA = Schemas.object();

  @Override
  public Class<Logout> type() {
    return Logout.class;
  }

  @Override
  public String name() {
    return "Logout";
  }

  @Override
  public Object schema() {
    return SCHEMA;
  }

  @Override
  public List<String> packedFields() {
    return List.of();
  }

  @Override
  public int measure(Logout value, PacketLimits limits) {
    return 0;
  }

  @Override
  public void write(Logout value, PacketLimits limits, WireOut out) {}

  @Override
  public Logout read(WireIn in) {
    return new Logout();
  }

  @Override
  public Object dehydrate(Logout value) {
    return new LinkedHashMap<String, Object>();
  }

  @Override
  public Logout hydrate(Object data, PacketLimits limits) {
    ObjectWire.hydrate(data, "Logout", Set.of());
    return new Logout();
  }
}
