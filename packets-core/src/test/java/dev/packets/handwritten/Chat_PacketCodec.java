package dev.packets.handwritten;

import dev.packets.PacketLimits;
import dev.packets.codec.PacketCodec;
import dev.packets.codec.Schemas;
import dev.packets.wire.ObjectWire;
import dev.packets.wire.StringWire;
import dev.packets.wire.VarUintWire;
import dev.packets.wire.WireIn;
import dev.packets.wire.WireOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The codec packets-codegen would write for {@link Chat}: fields in sorted order, from then text. */
public final class Chat_PacketCodec implements PacketCodec<Chat> {
  private static final Object SCHEMA = Schemas.object("from", VarUintWire.TYPE, "text", StringWire.TYPE);
  private static final Set<String> FIELDS = Set.of("from", "text");

  @Override
  public Class<Chat> type() {
    return Chat.class;
  }

  @Override
  public String name() {
    return "Chat";
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
  public int measure(Chat value, PacketLimits limits) {
    return VarUintWire.size(value.from(), "Chat.from") + StringWire.size(value.text(), limits, "Chat.text");
  }

  @Override
  public void write(Chat value, PacketLimits limits, WireOut out) {
    VarUintWire.write(out, value.from());
    StringWire.write(out, value.text());
  }

  @Override
  public Chat read(WireIn in) {
    int from = VarUintWire.read(in, "Chat.from");
    String text = StringWire.read(in, "Chat.text");
    return new Chat(from, text);
  }

  @Override
  public Object dehydrate(Chat value) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("from", value.from());
    data.put("text", value.text());
    return data;
  }

  @Override
  public Chat hydrate(Object data, PacketLimits limits) {
    Map<?, ?> m = ObjectWire.hydrate(data, "Chat", FIELDS);
    int from = VarUintWire.hydrate(m.get("from"), "Chat.from");
    String text = StringWire.hydrate(m.get("text"), "Chat.text", limits);
    return new Chat(from, text);
  }
}
