package dev.packets.intercom.node;

import dev.packets.DecodeException;
import dev.packets.EncodeException;
import dev.packets.PacketRegistry;
import dev.packets.wire.PackedWire;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the values that questions and answers carry: nothing, a registered packet in its binary form
 * ({@code 02}, id u16 LE, payload), or any JSON-like value as msgpack ({@code 01}, msgpack).
 */
public final class Payloads {
  public static final int NOTHING = 0;
  public static final int PACKED = 1;
  public static final int PACKET = 2;

  private final PacketRegistry registry;

  public Payloads(PacketRegistry registry) {
    this.registry = registry;
  }

  public PacketRegistry registry() {
    return registry;
  }

  /** Writes {@code value}; {@code path} names it in errors, as in {@code where.payload}. */
  public void write(FrameWriter out, Object value, String path) {
    if (value == null) {
      out.u8(NOTHING);
    } else if (registry.contains(value.getClass())) {
      out.u8(PACKET);
      out.u16le(registry.id(value.getClass()));
      out.bytes(registry.encode(value));
    } else if (value instanceof Record) {
      throw new EncodeException(path, value.getClass().getName()
          + " is not a registered packet: add it to the intercom's PacketRegistry");
    } else {
      out.u8(PACKED);
      try {
        out.bytes(PackedWire.pack(value, registry.limits(), path));
      } catch (EncodeException e) {
        Object packet = packetInside(value);
        if (packet == null) {
          throw e;
        }
        throw new EncodeException(path, "holds the packet " + packet.getClass().getSimpleName() + " inside a "
            + (value instanceof Map ? "map" : "list") + ": send one packet, several in a Bundle, or JSON-like values");
      }
    }
  }

  private Object packetInside(Object value) {
    Iterable<?> items = value instanceof List<?> list ? list : value instanceof Map<?, ?> map ? map.values() : List.of();
    for (Object item : items) {
      if (item != null && (registry.contains(item.getClass()) || item instanceof Record)) {
        return item;
      }
    }
    return null;
  }

  /** Reads a value that runs to the end of the frame. */
  public Object read(FrameReader in, String path) {
    int start = in.position();
    int tag = in.u8(path);
    byte[] buf = in.array();
    switch (tag) {
      case NOTHING:
        in.expectEnd(path);
        return null;
      case PACKED: {
        int at = in.position();
        in.skipToEnd();
        return PackedWire.unpack(buf, at, buf.length - at, registry.limits(), path, at);
      }
      case PACKET: {
        int id = in.u16le(path);
        int at = in.position();
        in.skipToEnd();
        if (registry.codecOrNull(id) == null) {
          throw new DecodeException(path, at - 2, "unknown packet id " + id + " (ids are 1.." + registry.size()
              + "; do the nodes share one PacketRegistry?)");
        }
        return registry.decode(id, buf, at, buf.length - at);
      }
      default:
        throw new DecodeException(path, start, "unknown value tag " + tag + " (0 nothing, 1 packed, 2 packet)");
    }
  }
}
