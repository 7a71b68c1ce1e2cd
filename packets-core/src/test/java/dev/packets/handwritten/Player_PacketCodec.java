package dev.packets.handwritten;

import dev.packets.PacketLimits;
import dev.packets.codec.PacketCodec;
import dev.packets.codec.Schemas;
import dev.packets.wire.BoolWire;
import dev.packets.wire.Int16Wire;
import dev.packets.wire.ListWire;
import dev.packets.wire.ObjectWire;
import dev.packets.wire.UInt8Wire;
import dev.packets.wire.Values;
import dev.packets.wire.VarUintWire;
import dev.packets.wire.WireIn;
import dev.packets.wire.WireOut;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The codec packets-codegen would write for {@link Player}: wire names sorted (attributes, health, jumping,
 * position; inside attributes agi, int, str), the nested object inlined.
 */
public final class Player_PacketCodec implements PacketCodec<Player> {
  private static final Object SCHEMA = Schemas.object(
      "health", VarUintWire.TYPE,
      "jumping", BoolWire.TYPE,
      "position", Schemas.list(Int16Wire.TYPE),
      "attributes", Schemas.object("str", UInt8Wire.TYPE, "agi", UInt8Wire.TYPE, "int", UInt8Wire.TYPE));
  private static final Set<String> FIELDS = Set.of("health", "jumping", "position", "attributes");
  private static final Set<String> ATTRIBUTE_FIELDS = Set.of("str", "agi", "int");

  @Override
  public Class<Player> type() {
    return Player.class;
  }

  @Override
  public String name() {
    return "Player";
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
  public int measure(Player v, PacketLimits limits) {
    Player.Attributes a = Values.required(v.attributes(), "Player.attributes", "object");
    UInt8Wire.check(a.agi(), "Player.attributes.agi");
    UInt8Wire.check(a.intelligence(), "Player.attributes.int");
    UInt8Wire.check(a.str(), "Player.attributes.str");
    int size = 3 * UInt8Wire.SIZE;
    size += VarUintWire.size(v.health(), "Player.health");
    size += BoolWire.SIZE;
    size += ListWire.countSize(v.position(), limits, "Player.position");
    for (Short item : v.position()) {
      ListWire.item(item, "Player.position[]", Int16Wire.TYPE);
      size += Int16Wire.SIZE;
    }
    return size;
  }

  @Override
  public void write(Player v, PacketLimits limits, WireOut out) {
    UInt8Wire.write(out, v.attributes().agi());
    UInt8Wire.write(out, v.attributes().intelligence());
    UInt8Wire.write(out, v.attributes().str());
    VarUintWire.write(out, v.health());
    BoolWire.write(out, v.jumping());
    ListWire.writeCount(out, v.position());
    for (Short item : v.position()) {
      Int16Wire.write(out, item);
    }
  }

  @Override
  public Player read(WireIn in) {
    int agi = UInt8Wire.read(in, "Player.attributes.agi");
    int intelligence = UInt8Wire.read(in, "Player.attributes.int");
    int str = UInt8Wire.read(in, "Player.attributes.str");
    int health = VarUintWire.read(in, "Player.health");
    boolean jumping = BoolWire.read(in, "Player.jumping");
    int count = ListWire.readCount(in, "Player.position", Int16Wire.SIZE);
    List<Short> position = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      position.add((short) Int16Wire.read(in, "Player.position[]"));
    }
    return new Player(health, jumping, position, new Player.Attributes(str, agi, intelligence));
  }

  @Override
  public Object dehydrate(Player v) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("str", v.attributes().str());
    attributes.put("agi", v.attributes().agi());
    attributes.put("int", v.attributes().intelligence());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("health", v.health());
    data.put("jumping", v.jumping());
    data.put("position", new ArrayList<Object>(v.position()));
    data.put("attributes", attributes);
    return data;
  }

  @Override
  public Player hydrate(Object data, PacketLimits limits) {
    Map<?, ?> m = ObjectWire.hydrate(data, "Player", FIELDS);
    int health = VarUintWire.hydrate(m.get("health"), "Player.health");
    boolean jumping = BoolWire.hydrate(m.get("jumping"), "Player.jumping");
    List<?> src = ListWire.hydrate(m.get("position"), "Player.position", limits);
    List<Short> position = new ArrayList<>(src.size());
    for (int i = 0; i < src.size(); i++) {
      position.add((short) Int16Wire.hydrate(src.get(i), "Player.position[" + i + "]"));
    }
    Map<?, ?> a = ObjectWire.hydrate(m.get("attributes"), "Player.attributes", ATTRIBUTE_FIELDS);
    Player.Attributes attributes = new Player.Attributes(
        UInt8Wire.hydrate(a.get("str"), "Player.attributes.str"),
        UInt8Wire.hydrate(a.get("agi"), "Player.attributes.agi"),
        UInt8Wire.hydrate(a.get("int"), "Player.attributes.int"));
    return new Player(health, jumping, Collections.unmodifiableList(position), attributes);
  }
}
