package dev.packets.codec;

import dev.packets.PacketLimits;
import dev.packets.Redirect;
import dev.packets.wire.ObjectWire;
import dev.packets.wire.StringWire;
import dev.packets.wire.WireIn;
import dev.packets.wire.WireOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in {@link Redirect} packet: schema {@code {location: "string"}}. flecks' Redirect has the schema
 * {@code "string"}; the bytes are the same, and hydration accepts flecks' bare string as well as
 * {@code {location}}.
 */
public final class RedirectCodec implements PacketCodec<Redirect> {
  private static final Map<String, Object> SCHEMA = Map.of("location", StringWire.TYPE);

  @Override
  public Class<Redirect> type() {
    return Redirect.class;
  }

  @Override
  public String name() {
    return "Redirect";
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
  public int measure(Redirect value, PacketLimits limits) {
    return StringWire.size(value.location(), limits, "Redirect.location");
  }

  @Override
  public void write(Redirect value, PacketLimits limits, WireOut out) {
    StringWire.write(out, value.location());
  }

  @Override
  public Redirect read(WireIn in) {
    return new Redirect(StringWire.read(in, "Redirect.location"));
  }

  @Override
  public Object dehydrate(Redirect value) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("location", value.location());
    return data;
  }

  @Override
  public Redirect hydrate(Object data, PacketLimits limits) {
    if (data instanceof String location) { // flecks' own Redirect carries the bare location
      return new Redirect(StringWire.hydrate(location, "Redirect.location", limits));
    }
    Map<?, ?> map = ObjectWire.hydrate(data, "Redirect", Set.of("location"));
    return new Redirect(StringWire.hydrate(map.get("location"), "Redirect.location", limits));
  }
}
