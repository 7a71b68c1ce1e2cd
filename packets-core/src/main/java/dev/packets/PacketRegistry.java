package dev.packets;

import dev.packets.codec.BundleCodec;
import dev.packets.codec.Json;
import dev.packets.codec.PacketCodec;
import dev.packets.codec.RedirectCodec;
import dev.packets.codec.RefreshCodec;
import dev.packets.codec.Schemas;
import dev.packets.wire.WireIn;
import dev.packets.wire.WireOut;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The packets one application speaks, with their ids, codecs and limits. Immutable and thread-safe.
 *
 * <p>Ids are flecks': the names of every packet (the built-in {@link Bundle}, {@link Redirect} and
 * {@link Refresh} included) sorted by {@code String.compareTo} and numbered from 1; a packet pinned with {@code
 * @Packet(id = N)} has N, and the others take the ids left free in that order. The {@link #fingerprint()}
 * is a hash over ids, names, schemas and packed fields, so that two peers can tell whether they agree.
 *
 * <pre>{@code
 * PacketRegistry packets = PacketRegistry.of(Move.class, Chat.class);
 * byte[] bytes = packets.encode(new Move(7, 1.5f, 2f));
 * Move move = packets.decode(Move.class, bytes);
 * List<Object> dry = packets.dehydrate(move);      // ["Move", {entity=7, x=1.5, y=2.0}]
 * }</pre>
 */
public final class PacketRegistry {
  /** The suffix of the codec class the processor writes beside each packet record. */
  public static final String CODEC_SUFFIX = "_PacketCodec";
  /**
   * The version of the packets wire: schemapack 1.4.2's encoding with flecks' packet ids and Bundle framing, the
   * extension types, and the packets lane's frames (docs/wire-format.md). A change that a peer of the same version
   * could not read takes a new number; the packet table's {@link #fingerprint()} says which packets a peer knows.
   */
  public static final String WIRE_VERSION = "1";

  private static final int MAX_PACKETS = 0xFFFF;
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[512]);

  private final PacketLimits limits;
  private final PacketCodec<Object>[] byId;
  private final Map<Class<?>, Slot> byClass;
  private final Map<String, Slot> byName;
  private final String fingerprint;

  private record Slot(int id, PacketCodec<Object> codec) {}

  @SuppressWarnings("unchecked")
  private PacketRegistry(Collection<PacketCodec<?>> userCodecs, PacketLimits limits) {
    this.limits = limits;
    Map<String, PacketCodec<?>> named = new TreeMap<>();
    List<PacketCodec<?>> all = new ArrayList<>(userCodecs);
    all.add(new BundleCodec(this));
    all.add(new RedirectCodec());
    all.add(new RefreshCodec());
    for (PacketCodec<?> codec : all) {
      PacketCodec<?> other = named.putIfAbsent(codec.name(), codec);
      if (other != null && other.type() != codec.type()) {
        throw new IllegalArgumentException("duplicate packet name '" + codec.name() + "': "
            + other.type().getName() + " and " + codec.type().getName());
      }
    }
    if (named.size() > MAX_PACKETS) {
      throw new IllegalArgumentException(named.size() + " packets exceed the " + MAX_PACKETS + " ids a Bundle frame holds");
    }
    byId = new PacketCodec[named.size() + 1];
    for (PacketCodec<?> codec : named.values()) {
      int pinned = codec.id();
      if (pinned == 0) {
        continue;
      }
      if (pinned < 1 || pinned > named.size()) {
        throw new IllegalArgumentException(codec.name() + " pins id " + pinned + ", but this registry's " + named.size()
            + " packets have ids 1.." + named.size() + ", without gaps");
      }
      if (byId[pinned] != null) {
        throw new IllegalArgumentException(codec.name() + " and " + byId[pinned].name() + " both pin id " + pinned);
      }
      byId[pinned] = (PacketCodec<Object>) codec;
    }
    int free = 1;
    for (PacketCodec<?> codec : named.values()) {
      if (codec.id() == 0) {
        while (byId[free] != null) {
          free++;
        }
        byId[free] = (PacketCodec<Object>) codec;
      }
    }
    Map<Class<?>, Slot> classes = new HashMap<>();
    Map<String, Slot> names = new HashMap<>();
    for (int id = 1; id < byId.length; id++) {
      Slot slot = new Slot(id, (PacketCodec<Object>) byId[id]);
      classes.put(byId[id].type(), slot);
      names.put(byId[id].name(), slot);
    }
    byClass = classes;
    byName = names;
    fingerprint = computeFingerprint();
  }

  /** A registry of the given packet records, plus the built-ins, with the default limits. */
  public static PacketRegistry of(Class<?>... types) {
    Builder builder = builder();
    for (Class<?> type : types) {
      builder.add(type);
    }
    return builder.build();
  }

  /** A registry of every packet compiled on the class path (listed by the processor in META-INF/services). */
  public static PacketRegistry discover() {
    return builder().discover(Thread.currentThread().getContextClassLoader()).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The same packets with other limits. */
  public PacketRegistry withLimits(PacketLimits limits) {
    return new PacketRegistry(userCodecs(), limits);
  }

  /**
   * These packets and {@code more} (the packets a server plugin brings, say), with the same limits; ids are assigned
   * again over all of them. This registry when {@code more} adds nothing.
   */
  public PacketRegistry with(Collection<Class<?>> more) {
    Builder builder = builder().limits(limits);
    userCodecs().forEach(builder::add);
    boolean added = false;
    for (Class<?> type : more) {
      if (!byClass.containsKey(type)) {
        builder.add(type);
        added = true;
      }
    }
    return added ? builder.build() : this;
  }

  private List<PacketCodec<?>> userCodecs() {
    List<PacketCodec<?>> user = new ArrayList<>();
    for (int i = 1; i < byId.length; i++) {
      if (!isBuiltIn(byId[i].type())) {
        user.add(byId[i]);
      }
    }
    return user;
  }

  private static boolean isBuiltIn(Class<?> type) {
    return type == Bundle.class || type == Redirect.class || type == Refresh.class;
  }

  public PacketLimits limits() {
    return limits;
  }

  /** The number of packets, built-ins included; ids run from 1 to this. */
  public int size() {
    return byId.length - 1;
  }

  /** The id of a packet record; fails if it is not registered. */
  public int id(Class<?> type) {
    return slot(type).id();
  }

  /** The id of a packet name; fails if it is not registered. */
  public int id(String name) {
    Slot slot = byName.get(name);
    if (slot == null) {
      throw new IllegalArgumentException("unknown packet '" + name + "'");
    }
    return slot.id();
  }

  /** The name of a packet id; fails if there is none. */
  public String name(int id) {
    return codecById(id).name();
  }

  /** The name of a packet record. */
  public String name(Class<?> type) {
    return slot(type).codec().name();
  }

  /** The record class of a packet name; fails if it is not registered. */
  public Class<?> type(String name) {
    return byId[id(name)].type();
  }

  /** The record class of a packet id. */
  public Class<?> type(int id) {
    return codecById(id).type();
  }

  /** Whether the record class is a registered packet. */
  public boolean contains(Class<?> type) {
    return byClass.containsKey(type);
  }

  /** Whether the name is a registered packet. */
  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  @SuppressWarnings("unchecked")
  public <T> PacketCodec<T> codec(Class<T> type) {
    return (PacketCodec<T>) slot(type).codec();
  }

  /** The codec of a record class, or null. */
  public PacketCodec<Object> codecOrNull(Class<?> type) {
    Slot slot = byClass.get(type);
    return slot == null ? null : slot.codec();
  }

  /** The codec of an id, or null. */
  public PacketCodec<Object> codecOrNull(int id) {
    return id > 0 && id < byId.length ? byId[id] : null;
  }

  private PacketCodec<Object> codecById(int id) {
    PacketCodec<Object> codec = codecOrNull(id);
    if (codec == null) {
      throw new IllegalArgumentException("unknown packet id " + id + " (ids are 1.." + size() + ")");
    }
    return codec;
  }

  private Slot slot(Class<?> type) {
    Slot slot = byClass.get(type);
    if (slot == null) {
      throw new IllegalArgumentException(type.getName() + " is not a registered packet");
    }
    return slot;
  }

  private Slot slotOf(Object packet) {
    if (packet == null) {
      throw new EncodeException("(packet)", "is null; a packet is required");
    }
    Slot slot = byClass.get(packet.getClass());
    if (slot == null) {
      throw new EncodeException(packet.getClass().getSimpleName(), packet.getClass().getName() + " is not a registered packet");
    }
    return slot;
  }

  /** Checks the packet and returns its encoded size. */
  public int measure(Object packet) {
    PacketCodec<Object> codec = slotOf(packet).codec();
    int size = codec.measure(packet, limits);
    if (size > limits.maxPacketBytes()) {
      throw new EncodeException(codec.name(), "packet of " + size + " bytes exceeds the limit of " + limits.maxPacketBytes());
    }
    return size;
  }

  /** Encodes a packet's payload (no id; see {@link #id(Class)}). */
  public byte[] encode(Object packet) {
    PacketCodec<Object> codec = slotOf(packet).codec();
    int size = codec.measure(packet, limits);
    checkSize(codec, size);
    byte[] out = new byte[size];
    codec.write(packet, limits, new WireOut(out, 0));
    return out;
  }

  /**
   * Encodes a packet's payload at the buffer's writer index. Nothing is written if the packet cannot be encoded;
   * into a heap buffer nothing is allocated.
   */
  public void encode(Object packet, ByteBuf out) {
    PacketCodec<Object> codec = slotOf(packet).codec();
    int size = codec.measure(packet, limits);
    checkSize(codec, size);
    if (out.maxWritableBytes() < size) {
      throw new EncodeException(codec.name(), "packet of " + size + " bytes does not fit the buffer: "
          + out.maxWritableBytes() + " writable bytes at most (max capacity " + out.maxCapacity() + ")");
    }
    out.ensureWritable(size);
    int writerIndex = out.writerIndex();
    if (out.hasArray()) {
      codec.write(packet, limits, new WireOut(out.array(), out.arrayOffset() + writerIndex));
    } else {
      byte[] scratch = SCRATCH.get();
      if (scratch.length < size) {
        scratch = new byte[Math.max(size, scratch.length * 2)];
        if (scratch.length <= 1 << 16) {
          SCRATCH.set(scratch);
        }
      }
      codec.write(packet, limits, new WireOut(scratch, 0));
      out.setBytes(writerIndex, scratch, 0, size);
    }
    out.writerIndex(writerIndex + size);
  }

  private void checkSize(PacketCodec<Object> codec, int size) {
    if (size > limits.maxPacketBytes()) {
      throw new EncodeException(codec.name(), "packet of " + size + " bytes exceeds the limit of " + limits.maxPacketBytes());
    }
  }

  /** Decodes the payload of packet {@code id}; every byte must belong to it. */
  public Object decode(int id, byte[] payload) {
    return decode(id, payload, 0, payload.length);
  }

  /** Decodes {@code length} bytes of {@code payload} from {@code offset} as packet {@code id}. */
  public Object decode(int id, byte[] payload, int offset, int length) {
    PacketCodec<Object> codec = codecOrNull(id);
    if (codec == null) {
      throw new DecodeException("(packet " + id + ")", 0, "unknown packet id " + id + " (ids are 1.." + size() + ")");
    }
    if (length > limits.maxPacketBytes()) {
      throw new DecodeException(codec.name(), 0, "packet of " + length + " bytes exceeds the limit of "
          + limits.maxPacketBytes());
    }
    WireIn in = new WireIn(payload, offset, length, limits);
    Object packet = codec.read(in);
    in.expectEnd(codec.name());
    return packet;
  }

  /** Decodes the readable bytes of {@code payload} as packet {@code id} and consumes them. */
  public Object decode(int id, ByteBuf payload) {
    int length = payload.readableBytes();
    Object packet;
    if (payload.hasArray()) {
      packet = decode(id, payload.array(), payload.arrayOffset() + payload.readerIndex(), length);
    } else {
      packet = decode(id, ByteBufUtil.getBytes(payload));
    }
    payload.skipBytes(length);
    return packet;
  }

  /** Decodes a payload as the given packet type. */
  public <T> T decode(Class<T> type, byte[] payload) {
    return type.cast(decode(id(type), payload));
  }

  /** Builds a packet from its dehydrated form {@code ["Name", data]}, checking every field. */
  public Object hydrate(List<?> dehydrated) {
    if (dehydrated == null || dehydrated.isEmpty() || dehydrated.size() > 2) {
      throw new HydrationException("(packet)", "a dehydrated packet is [\"Name\", data], not " + describe(dehydrated));
    }
    Object key = dehydrated.get(0);
    Slot slot = key instanceof String name ? byName.get(name)
        : key instanceof Integer id && codecOrNull(id) != null ? byClass.get(byId[id].type()) : null;
    if (slot == null) {
      throw new HydrationException(String.valueOf(key), "unknown packet " + describe(key));
    }
    return slot.codec().hydrate(dehydrated.size() > 1 ? dehydrated.get(1) : null, limits);
  }

  private static String describe(Object value) {
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }

  /** The packet's dehydrated form, {@code ["Name", data]}, with JSON-like data. */
  public List<Object> dehydrate(Object packet) {
    PacketCodec<Object> codec = slotOf(packet).codec();
    List<Object> out = new ArrayList<>(2);
    out.add(codec.name());
    out.add(codec.dehydrate(packet));
    return out;
  }

  /** Each packet's schemapack schema, by name, in id order. */
  public Map<String, Object> schemas() {
    Map<String, Object> schemas = new LinkedHashMap<>();
    for (int i = 1; i < byId.length; i++) {
      schemas.put(byId[i].name(), byId[i].schema());
    }
    return Collections.unmodifiableMap(schemas);
  }

  /**
   * The registry's table as JSON-like data, what a peer needs to speak it: {@code {fingerprint, packets: [{id,
   * name, schema, packed}]}}.
   */
  public Map<String, Object> table() {
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("fingerprint", fingerprint);
    List<Object> packets = entries();
    for (Object item : packets) {
      // the extension wire types a packet uses, which plain schemapack cannot read (not in the fingerprint: a
      // packet's schema names them already)
      @SuppressWarnings("unchecked")
      Map<String, Object> entry = (Map<String, Object>) item;
      Set<String> used = new TreeSet<>();
      extensions(entry.get("schema"), used);
      if (!used.isEmpty()) {
        entry.put("extensions", List.copyOf(used));
      }
    }
    table.put("packets", packets);
    return table;
  }

  /** The wire types beyond schemapack 1.4.2's that packets' own codecs add (docs/wire-format.md §2). */
  public static final Set<String> EXTENSION_TYPES = Set.of("int64", "uint64", "varint64",
      "varuint64");

  private static void extensions(Object schema, Set<String> used) {
    String tag = Schemas.tag(schema);
    if (tag != null) {
      used.add(tag);
      if (!tag.equals(Schemas.ENUM)) {
        ((List<?>) schema).subList(1, ((List<?>) schema).size()).forEach(inner -> extensions(inner, used));
      }
    } else if (schema instanceof Map<?, ?> object) {
      object.values().forEach(inner -> extensions(inner, used));
    } else if (schema instanceof List<?> list) {
      list.forEach(inner -> extensions(inner, used));
    } else if (schema instanceof String type && EXTENSION_TYPES.contains(type)) {
      used.add(type);
    }
  }

  private List<Object> entries() {
    List<Object> packets = new ArrayList<>();
    for (int i = 1; i < byId.length; i++) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", i);
      entry.put("name", byId[i].name());
      entry.put("schema", byId[i].schema());
      entry.put("packed", byId[i].packedFields());
      packets.add(entry);
    }
    return packets;
  }

  /**
   * A stable hash over ids, names, schemas and packed fields: the first 16 hex digits of the SHA-256 of the
   * canonical JSON (keys sorted, no white space) of {@code [{id, name, packed, schema}, ...]} in id order.
   */
  public String fingerprint() {
    return fingerprint;
  }

  private String computeFingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(Json.write(entries(), true).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "PacketRegistry" + byName.keySet().stream().sorted().toList() + "@" + fingerprint;
  }

  /** Collects packet codecs and limits. */
  public static final class Builder {
    private final Map<Class<?>, PacketCodec<?>> codecs = new LinkedHashMap<>();
    private PacketLimits limits = PacketLimits.DEFAULT;

    private Builder() {}

    /** Adds a {@code @Packet} record through the codec the processor generated for it. */
    public Builder add(Class<?> type) {
      if (isBuiltIn(type)) {
        return this;
      }
      return add(loadCodec(type));
    }

    /** Adds a codec. */
    public Builder add(PacketCodec<?> codec) {
      if (!isBuiltIn(codec.type())) {
        codecs.put(codec.type(), codec);
      }
      return this;
    }

    /** Adds every codec listed in {@code META-INF/services/dev.packets.codec.PacketCodec}. */
    @SuppressWarnings("rawtypes")
    public Builder discover(ClassLoader loader) {
      for (PacketCodec codec : ServiceLoader.load(PacketCodec.class, loader)) {
        add(codec);
      }
      return this;
    }

    public Builder limits(PacketLimits limits) {
      this.limits = limits;
      return this;
    }

    public PacketRegistry build() {
      return new PacketRegistry(codecs.values(), limits);
    }

    private static PacketCodec<?> loadCodec(Class<?> type) {
      if (!type.isRecord() || type.getAnnotation(Packet.class) == null) {
        throw new IllegalArgumentException(type.getName() + " is not a @Packet record");
      }
      String name = codecClassName(type);
      try {
        Class<?> codec = Class.forName(name, true, type.getClassLoader());
        return (PacketCodec<?>) codec.getDeclaredConstructor().newInstance();
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("no generated codec " + name + " for " + type.getName()
            + ": is packets-codegen on the annotation processor path?", e);
      } catch (IllegalAccessException e) {
        Module module = type.getModule();
        if (module.isNamed() && !module.isOpen(type.getPackageName(), PacketRegistry.class.getModule())) {
          throw new IllegalStateException("cannot create " + name + ": module " + module.getName() + " does not open "
              + type.getPackageName() + " to " + moduleName() + " (add `opens " + type.getPackageName() + " to "
              + moduleName() + ";` to its module-info.java)", e);
        }
        throw new IllegalStateException("cannot create " + name, e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create " + name, e);
      }
    }
  }

  /** This module's name on the module path ({@code dev.packets.core}), or the name it would have there. */
  private static String moduleName() {
    Module self = PacketRegistry.class.getModule();
    return self.isNamed() ? self.getName() : "dev.packets.core";
  }

  /** {@code com.example.Outer$Move} → {@code com.example.Outer_Move_PacketCodec}. */
  static String codecClassName(Class<?> type) {
    String pkg = type.getPackageName();
    String flat = type.getName().substring(pkg.isEmpty() ? 0 : pkg.length() + 1).replace('$', '_');
    return (pkg.isEmpty() ? "" : pkg + ".") + flat + CODEC_SUFFIX;
  }
}
