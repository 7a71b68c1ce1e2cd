package dev.packets.server;

import dev.packets.PacketRegistry;
import dev.packets.server.auth.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parked session on its way to the node its client came back to, in the form the intercom carries: {@code [id,
 * pid, principal, attributes, rooms, auth, last offset, pushes, how its client reads packets ("json", "binary" or
 * null: not said yet), client data]}, where
 *
 * <ul>
 *   <li>a value (the principal, an attribute's) is tagged with its type: {@code ["s", "ada"]}, {@code ["i", 7]},
 *       {@code ["l", 7]}, {@code ["d", 1.5]}, {@code ["b", true]}, {@code ["y", <bytes>]}, {@code ["p", <packet
 *       id>, <bytes>]} (a registered packet), {@code ["P", id, [roles], {claims}, driver, expiry in epoch
 *       milliseconds or null]} (an authentication driver's {@code Principal}, its claims JSON-like), {@code null};
 *   <li>an attribute is {@code [name, its key's class name, tagged value]}; the auth payload is as the client sent it (JSON-like);
 *   <li>a push is {@code [offset, packet id, payload]}, those the client has not seen, in order.
 * </ul>
 *
 * A principal or attribute of any other type cannot cross nodes: {@link #of} refuses such a session (it stays
 * parked where it is, and the client gets a new one), rather than arrive with part of its state missing.
 */
record MovedSession(String id, String pid, Object principal, Map<PacketSocket.Key<?>, Object> attributes,
    List<String> rooms, Object auth, long last, List<Backlog.Entry> missed, String reads, Object clientData) {

  /** The session of {@code socket} (held under its lock by the caller), or an exception naming what cannot move. */
  static MovedSession of(PacketSocket socket, List<Backlog.Entry> missed, long last) {
    Map<PacketSocket.Key<?>, Object> attributes = new java.util.LinkedHashMap<>();
    Map<Object, Object> held = socket.attributesOrNull();
    if (held != null) {
      held.forEach((key, value) -> attributes.put((PacketSocket.Key<?>) key, value));
    }
    return new MovedSession(socket.id(), socket.pid, socket.principal(), attributes, List.copyOf(socket.rooms()),
        socket.auth(), last, missed, socket.spoken ? socket.json ? "json" : "binary" : null, socket.clientData());
  }

  /** The intercom's form; fails with {@link IllegalArgumentException} on a value that cannot move. */
  List<Object> carried(PacketRegistry registry) {
    List<Object> attrs = new ArrayList<>();
    attributes.forEach((key, value) -> attrs.add(java.util.Arrays.asList(key.name(), key.type().getName(),
        tagged(value, registry, "attribute " + key.name()))));
    List<Object> pushes = new ArrayList<>();
    for (Backlog.Entry entry : missed) {
      pushes.add(List.of(entry.offset(), entry.packetId(), entry.payload()));
    }
    return java.util.Arrays.asList(id, pid, tagged(principal, registry, "the principal"), attrs, rooms, auth, last,
        pushes, reads, clientData);
  }

  /** Reads the intercom's form; fails with {@link IllegalArgumentException} when it is not one. */
  static MovedSession from(Object value, PacketRegistry registry) {
    if (!(value instanceof List<?> m) || m.size() != 10 || !(m.get(0) instanceof String id)
        || !(m.get(1) instanceof String pid) || !(m.get(3) instanceof List<?> attrs) || !(m.get(4) instanceof List<?> rooms)
        || !(m.get(6) instanceof Number last) || !(m.get(7) instanceof List<?> pushes)) {
      throw new IllegalArgumentException("not a moved session");
    }
    Map<PacketSocket.Key<?>, Object> attributes = new java.util.LinkedHashMap<>();
    for (Object attr : attrs) {
      if (!(attr instanceof List<?> triple) || triple.size() != 3 || !(triple.get(0) instanceof String name)
          || !(triple.get(1) instanceof String type)) {
        throw new IllegalArgumentException("not an attribute: " + attr);
      }
      Object v = untagged(triple.get(2), registry);
      attributes.put(new PacketSocket.Key<>(name, keyType(type, v)), v);
    }
    List<String> names = new ArrayList<>();
    for (Object room : rooms) {
      names.add(String.valueOf(room));
    }
    List<Backlog.Entry> missed = new ArrayList<>();
    for (Object push : pushes) {
      if (!(push instanceof List<?> p) || p.size() != 3 || !(p.get(0) instanceof Number offset)
          || !(p.get(1) instanceof Number packetId) || !(p.get(2) instanceof byte[] payload)) {
        throw new IllegalArgumentException("not a push: " + push);
      }
      missed.add(new Backlog.Entry(offset.longValue(), packetId.intValue(), payload));
    }
    return new MovedSession(id, pid, untagged(m.get(2), registry), attributes, names, m.get(5), last.longValue(),
        missed, m.get(8) instanceof String reads ? reads : null, m.get(9));
  }

  /** The class a key was made with, found without initialising it; the value must be one of it. */
  private static Class<?> keyType(String name, Object value) {
    try {
      Class<?> type = Class.forName(name, false, MovedSession.class.getClassLoader());
      if (!type.isInstance(value)) {
        throw new IllegalArgumentException("an attribute of type " + name + " holds a " + value.getClass().getName());
      }
      return type;
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no class " + name + " on this node");
    }
  }

  private static Object tagged(Object value, PacketRegistry registry, String what) {
    if (value == null) {
      return null;
    }
    if (value instanceof String) {
      return List.of("s", value);
    } else if (value instanceof Integer) {
      return List.of("i", value);
    } else if (value instanceof Long) {
      return List.of("l", value);
    } else if (value instanceof Double) {
      return List.of("d", value);
    } else if (value instanceof Boolean) {
      return List.of("b", value);
    } else if (value instanceof byte[]) {
      return List.of("y", value);
    } else if (registry.contains(value.getClass())) {
      return List.of("p", registry.id(value.getClass()), registry.encode(value));
    } else if (value instanceof Principal p) {
      return java.util.Arrays.asList("P", p.id(), List.copyOf(p.roles()), p.claims(), p.driver(),
          p.expires() == null ? null : p.expires().toEpochMilli());
    }
    throw new IllegalArgumentException(what + " is a " + value.getClass().getName() + ", which cannot move to another "
        + "node (String, Integer, Long, Double, Boolean, byte[], a registered packet or a Principal)");
  }

  /** A Principal from {@code ["P", id, [roles], {claims}, driver, expiry]}, or null when it is not one. */
  private static Principal principal(List<?> t) {
    if (t.size() != 6 || !(t.get(1) instanceof String id) || !(t.get(2) instanceof List<?> roles)
        || !(t.get(3) instanceof Map<?, ?> claims) || !(t.get(4) instanceof String driver)) {
      return null;
    }
    Set<String> names = new HashSet<>();
    roles.forEach(r -> names.add(String.valueOf(r)));
    Map<String, Object> read = new LinkedHashMap<>();
    claims.forEach((k, v) -> {
      if (v != null) {
        read.put(String.valueOf(k), v);
      }
    });
    Instant expires = t.get(5) instanceof Number ms ? Instant.ofEpochMilli(ms.longValue()) : null;
    return new Principal(id, names, read, driver, expires);
  }

  private static Object untagged(Object tagged, PacketRegistry registry) {
    if (tagged == null) {
      return null;
    }
    if (!(tagged instanceof List<?> t) || t.isEmpty() || !(t.get(0) instanceof String tag)) {
      throw new IllegalArgumentException("not a tagged value: " + tagged);
    }
    Object v = t.size() > 1 ? t.get(1) : null;
    Object out = switch (tag) {
      case "s" -> v instanceof String s ? s : null;
      case "i" -> v instanceof Number n ? (Object) n.intValue() : null;
      case "l" -> v instanceof Number n ? (Object) n.longValue() : null;
      case "d" -> v instanceof Number n ? (Object) n.doubleValue() : null;
      case "b" -> v instanceof Boolean b ? b : null;
      case "y" -> v instanceof byte[] y ? y : null;
      case "p" -> t.size() == 3 && v instanceof Number id && t.get(2) instanceof byte[] bytes
          ? registry.decode(id.intValue(), bytes) : null;
      case "P" -> principal(t);
      default -> null;
    };
    if (out == null) {
      throw new IllegalArgumentException("not a tagged value: " + tagged);
    }
    return out;
  }
}
