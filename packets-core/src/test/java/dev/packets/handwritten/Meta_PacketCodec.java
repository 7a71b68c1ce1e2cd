package dev.packets.handwritten;

import dev.packets.PacketLimits;
import dev.packets.codec.PacketCodec;
import dev.packets.codec.Schemas;
import dev.packets.wire.ObjectWire;
import dev.packets.wire.PackedWire;
import dev.packets.wire.UInt8Wire;
import dev.packets.wire.WireIn;
import dev.packets.wire.WireOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The codec packets-codegen would write for {@link Meta}. */
public final class Meta_PacketCodec implements PacketCodec<Meta> {
  private static final Object SCHEMA = Schemas.object("id", UInt8Wire.TYPE, "meta", PackedWire.TYPE);
  private static final Set<String> FIELDS = Set.of("id", "meta");

  @Override
  public Class<Meta> type() {
    return Meta.class;
  }

  @Override
  public String name() {
    return "Meta";
  }

  @Override
  public Object schema() {
    return SCHEMA;
  }

  @Override
  public List<String> packedFields() {
    return List.of("meta");
  }

  @Override
  public int measure(Meta v, PacketLimits limits) {
    UInt8Wire.check(v.id(), "Meta.id");
    return UInt8Wire.SIZE + PackedWire.size(PackedWire.pack(v.meta(), limits, "Meta.meta"));
  }

  @Override
  public void write(Meta v, PacketLimits limits, WireOut out) {
    UInt8Wire.write(out, v.id());
    PackedWire.write(out, PackedWire.pack(v.meta(), limits, "Meta.meta"));
  }

  @Override
  public Meta read(WireIn in) {
    int id = UInt8Wire.read(in, "Meta.id");
    Object meta = PackedWire.read(in, "Meta.meta", Object.class);
    return new Meta(id, meta);
  }

  @Override
  public Object dehydrate(Meta v) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", v.id());
    data.put("meta", v.meta());
    return data;
  }

  @Override
  public Meta hydrate(Object data, PacketLimits limits) {
    Map<?, ?> m = ObjectWire.hydrate(data, "Meta", FIELDS);
    int id = UInt8Wire.hydrate(m.get("id"), "Meta.id");
    Object meta = PackedWire.hydrate(m.get("meta"), "Meta.meta", limits, Object.class);
    return new Meta(id, meta);
  }
}
