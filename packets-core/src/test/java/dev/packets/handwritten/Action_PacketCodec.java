package dev.packets.handwritten;

import dev.packets.PacketLimits;
import dev.packets.codec.PacketCodec;
import dev.packets.codec.Schemas;
import dev.packets.wire.ObjectWire;
import dev.packets.wire.VarUintWire;
import dev.packets.wire.WireIn;
import dev.packets.wire.WireOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The codec packets-codegen would write for {@link Action}. */
public final class Action_PacketCodec implements PacketCodec<Action> {
  private static final Object SCHEMA = Schemas.object("value", VarUintWire.TYPE);
  private static final Set<String> FIELDS = Set.of("value");

  @Override
  public Class<Action> type() {
    return Action.class;
  }

  @Override
  public String name() {
    return "Action";
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
  public int measure(Action value, PacketLimits limits) {
    return VarUintWire.size(value.value(), "Action.value");
  }

  @Override
  public void write(Action value, PacketLimits limits, WireOut out) {
    VarUintWire.write(out, value.value());
  }

  @Override
  public Action read(WireIn in) {
    return new Action(VarUintWire.read(in, "Action.value"));
  }

  @Override
  public Object dehydrate(Action value) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("value", value.value());
    return data;
  }

  @Override
  public Action hydrate(Object data, PacketLimits limits) {
    Map<?, ?> m = ObjectWire.hydrate(data, "Action", FIELDS);
    return new Action(VarUintWire.hydrate(m.get("value"), "Action.value"));
  }
}
