package dev.packets.codec;

import dev.packets.Bundle;
import dev.packets.DecodeException;
import dev.packets.EncodeException;
import dev.packets.HydrationException;
import dev.packets.PacketLimits;
import dev.packets.PacketRegistry;
import dev.packets.wire.ListWire;
import dev.packets.wire.VarUintWire;
import dev.packets.wire.WireIn;
import dev.packets.wire.WireOut;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built-in {@link Bundle} packet, in flecks' framing: schemapack schema {@code "buffer"}, whose content is,
 * for each packet, {@code u32 LE payload length, u16 LE packet id, payload}. Bundles nest up to
 * {@link PacketLimits#maxBundleDepth()}; its dehydrated data is the list of its packets, each dehydrated.
 */
public final class BundleCodec implements PacketCodec<Bundle> {
  /** Bytes of framing before each packet's payload. */
  public static final int FRAME_HEADER = 6;

  private static final String PATH = "Bundle.packets";

  private final PacketRegistry registry;

  public BundleCodec(PacketRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Class<Bundle> type() {
    return Bundle.class;
  }

  @Override
  public String name() {
    return "Bundle";
  }

  @Override
  public Object schema() {
    return "buffer";
  }

  @Override
  public List<String> packedFields() {
    return List.of();
  }

  @Override
  public int measure(Bundle value, PacketLimits limits) {
    int count = count(value, limits, 1);
    if (count > limits.maxBundlePackets()) {
      throw new EncodeException(PATH, "Bundle of " + count + " packets exceeds the limit of "
          + limits.maxBundlePackets());
    }
    int content = content(value, limits, 1);
    return VarUintWire.size(content) + content;
  }

  private int content(Bundle bundle, PacketLimits limits, int depth) {
    if (depth > limits.maxBundleDepth()) {
      throw new EncodeException(PATH, "Bundles nest deeper than the limit of " + limits.maxBundleDepth());
    }
    long total = 0;
    List<Object> packets = bundle.packets();
    for (int i = 0; i < packets.size(); i++) {
      Object packet = packets.get(i);
      int size;
      if (packet instanceof Bundle inner) {
        int content = content(inner, limits, depth + 1);
        size = VarUintWire.size(content) + content;
      } else {
        size = codec(packet, i).measure(packet, limits);
      }
      total += FRAME_HEADER + size;
      if (total > limits.maxPacketBytes()) {
        throw new EncodeException(PATH, "Bundle of more than " + total + " bytes exceeds the limit of "
            + limits.maxPacketBytes());
      }
    }
    return (int) total;
  }

  /**
   * How many packets a Bundle holds, those of the Bundles in it included (each costs the receiver a rate-limit
   * token and an acceptor call).
   */
  public static int count(Bundle bundle, PacketLimits limits, int depth) {
    if (depth > limits.maxBundleDepth()) {
      throw new EncodeException(PATH, "Bundles nest deeper than the limit of " + limits.maxBundleDepth());
    }
    int count = 0;
    for (Object packet : bundle.packets()) {
      count += packet instanceof Bundle inner ? count(inner, limits, depth + 1) : 1;
    }
    return count;
  }

  private PacketCodec<Object> codec(Object packet, int index) {
    if (packet == null) {
      throw new EncodeException(PATH + "[" + index + "]", "is null; a packet is required");
    }
    PacketCodec<Object> codec = registry.codecOrNull(packet.getClass());
    if (codec == null) {
      throw new EncodeException(PATH + "[" + index + "]", packet.getClass().getName() + " is not a registered packet");
    }
    return codec;
  }

  @Override
  public void write(Bundle value, PacketLimits limits, WireOut out) {
    out.putVarUint(content(value, limits, 1));
    for (int i = 0; i < value.packets().size(); i++) {
      Object packet = value.packets().get(i);
      PacketCodec<Object> codec = codec(packet, i);
      int lengthAt = out.position();
      out.putIntLE(0);
      out.putShortLE(registry.id(packet.getClass()));
      int start = out.position();
      codec.write(packet, limits, out);
      int end = out.position();
      out.patchIntLE(lengthAt, end - start);
    }
  }

  @Override
  public Bundle read(WireIn in) {
    PacketLimits limits = in.limits();
    int depth = in.bundleDepth() + 1;
    int start = in.offset();
    if (depth > limits.maxBundleDepth()) {
      throw new DecodeException(PATH, start, "Bundles nest deeper than the limit of " + limits.maxBundleDepth());
    }
    int length = in.getLength(PATH, limits.maxPacketBytes(), "Bundle");
    WireIn content = in.slice(length, depth, PATH);
    List<Object> packets = new ArrayList<>();
    while (content.remaining() > 0) {
      int at = content.offset();
      long payload = content.getIntLE(PATH) & 0xFFFF_FFFFL;
      int id = content.getShortLE(PATH);
      if (payload > content.remaining()) {
        throw new DecodeException(PATH, at, "packet of " + payload + " bytes, but only " + content.remaining() + " left");
      }
      PacketCodec<Object> codec = registry.codecOrNull(id);
      if (codec == null) {
        throw new DecodeException(PATH, at + 4, "unknown packet id " + id);
      }
      if ((Object) codec != this) {
        content.countBundlePacket(PATH);
      }
      WireIn packet = content.slice((int) payload, depth, codec.name());
      packets.add(codec.read(packet));
      packet.expectEnd(codec.name());
    }
    return new Bundle(packets);
  }

  @Override
  public Object dehydrate(Bundle value) {
    List<Object> packets = new ArrayList<>(value.packets().size());
    for (Object packet : value.packets()) {
      packets.add(registry.dehydrate(packet));
    }
    return packets;
  }

  /** Whether a dehydrated packet's key names the Bundle, by name or by id. */
  private boolean isBundle(Object key) {
    return "Bundle".equals(key) || key instanceof Integer id && (Object) registry.codecOrNull(id) == this;
  }

  @Override
  public Bundle hydrate(Object data, PacketLimits limits) {
    return hydrate(data, limits, 1, new int[1]);
  }

  /** {@code spent[0]} counts the packets hydrated so far, at every depth. */
  private Bundle hydrate(Object data, PacketLimits limits, int depth, int[] spent) {
    if (depth > limits.maxBundleDepth()) {
      throw new HydrationException(PATH, "Bundles nest deeper than the limit of " + limits.maxBundleDepth());
    }
    Object list = data instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("packets") ? map.get("packets") : data;
    List<?> items = ListWire.hydrate(list, PATH, limits);
    List<Object> packets = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (!(item instanceof List<?> l && !l.isEmpty() && isBundle(l.get(0))) && ++spent[0] > limits.maxBundlePackets()) {
        throw new HydrationException(PATH + "[" + i + "]", "Bundle of more than " + limits.maxBundlePackets()
            + " packets exceeds the limit");
      }
      if (item instanceof Bundle || item != null && registry.codecOrNull(item.getClass()) != null) {
        packets.add(item); // already a packet
      } else if (item instanceof List<?> dehydrated && !dehydrated.isEmpty() && isBundle(dehydrated.get(0))) {
        packets.add(hydrate(dehydrated.size() > 1 ? dehydrated.get(1) : List.of(), limits, depth + 1, spent));
      } else if (item instanceof List<?> dehydrated) {
        packets.add(registry.hydrate(dehydrated));
      } else {
        throw new HydrationException(PATH + "[" + i + "]", "is not a dehydrated packet [\"Name\", data]");
      }
    }
    return new Bundle(packets);
  }
}
