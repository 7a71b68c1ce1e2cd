package dev.packets.codec;

import dev.packets.PacketLimits;
import dev.packets.Refresh;
import dev.packets.wire.ObjectWire;
import dev.packets.wire.WireIn;
import dev.packets.wire.WireOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The built-in {@link Refresh} packet: schema {@code {}}, zero bytes. */
public final class RefreshCodec implements PacketCodec<Refresh> {
  private static final Refresh INSTANCE = new Refresh();

  @Override
  public Class<Refresh> type() {
    return Refresh.class;
  }

  @Override
  public String name() {
    return "Refresh";
  }

  @Override
  public Object schema() {
    return Map.of();
  }

  @Override
  public List<String> packedFields() {
    return List.of();
  }

  @Override
  public int measure(Refresh value, PacketLimits limits) {
    return 0;
  }

  @Override
  public void write(Refresh value, PacketLimits limits, WireOut out) {}

  @Override
  public Refresh read(WireIn in) {
    return INSTANCE;
  }

  @Override
  public Object dehydrate(Refresh value) {
    return new LinkedHashMap<String, Object>();
  }

  @Override
  public Refresh hydrate(Object data, PacketLimits limits) {
    if (data != null) {
      ObjectWire.hydrate(data, "Refresh", Set.of());
    }
    return INSTANCE;
  }
}
