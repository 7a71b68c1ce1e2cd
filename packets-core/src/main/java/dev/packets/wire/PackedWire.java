package dev.packets.wire;

import dev.packets.DecodeException;
import dev.packets.EncodeException;
import dev.packets.HydrationException;
import dev.packets.PacketLimits;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * A {@code @Packed} value: JSON-like data (null, Boolean, Number, String, byte[], List, Map with String keys,
 * nested) encoded with MessagePack and carried as a {@link BufferWire buffer}, as flecks' {@code Packer} does.
 *
 * <p>Numbers are packed as msgpack-lite, the JavaScript packer, packs a JavaScript number, so that both sides
 * produce the same bytes: a number that is an integer in the int32 range takes the smallest integer format
 * (fixint, uint8/16/32 when positive, int8/16/32 when negative); any other number is a float64 ({@code cb}),
 * except integers beyond ±2^53, which no JavaScript number holds exactly and which are written as int64/uint64
 * instead. On the way back, integers come back as {@code Integer} when they fit and {@code Long} otherwise, a
 * float64 that holds an integer within ±2^53 comes back as {@code Long} (or {@code Integer}), and other floats as
 * {@code Double}. Binary values use bin8 only below 255 bytes, as msgpack-lite does.
 *
 * <p>Example: {@code Map.of("a", 1)} packs to {@code 81 a1 61 01} and travels as the buffer
 * {@code 04 81 a1 61 01}.
 */
public final class PackedWire {
  public static final String TYPE = "buffer";
  private static final long SAFE_INTEGER = (1L << 53);
  /**
   * msgpack-core's defaults start every packer with an 8 KiB buffer and every unpacker's string decoder with 8 KiB:
   * for values of a few dozen bytes that was nearly all the garbage an intercom node made (10 KiB an ask, and a GC
   * pause every second under load). Both grow when a value needs it.
   */
  private static final MessagePack.PackerConfig PACKER = new MessagePack.PackerConfig().withBufferSize(256);
  private static final MessagePack.UnpackerConfig UNPACKER = new MessagePack.UnpackerConfig()
      .withStringDecoderBufferSize(256);

  private PackedWire() {}

  /** Packs {@code value}; fails on values that are not JSON-like, on cycles deeper than the limit, and over size. */
  public static byte[] pack(Object value, PacketLimits limits, String path) {
    try (MessageBufferPacker packer = PACKER.newBufferPacker()) {
      packValue(packer, value, limits, path, 0);
      packer.flush();
      if (packer.getTotalWrittenBytes() > limits.maxBufferBytes()) {
        throw new EncodeException(path, "packed value of " + packer.getTotalWrittenBytes()
            + " bytes exceeds the buffer limit of " + limits.maxBufferBytes());
      }
      return packer.toByteArray();
    } catch (IOException e) {
      throw new EncodeException(path, "cannot pack: " + e.getMessage());
    }
  }

  private static void packValue(MessageBufferPacker p, Object value, PacketLimits limits, String path, int depth)
      throws IOException {
    if (depth > limits.maxPackedDepth()) {
      throw new EncodeException(path, "packed value nests deeper than the limit of " + limits.maxPackedDepth());
    }
    if (value == null) {
      p.packNil();
    } else if (value instanceof Boolean b) {
      p.packBoolean(b);
    } else if (value instanceof String s) {
      byte[] utf8 = Utf8.bytes(s);
      if (utf8.length > limits.maxStringBytes()) {
        throw new EncodeException(path, "string of " + utf8.length + " UTF-8 bytes exceeds the limit of "
            + limits.maxStringBytes());
      }
      p.packRawStringHeader(utf8.length);
      p.writePayload(utf8);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      p.packInt(((Number) value).intValue());
    } else if (value instanceof Long l) {
      packLong(p, l);
    } else if (value instanceof Double || value instanceof Float) {
      packDouble(p, ((Number) value).doubleValue());
    } else if (value instanceof BigInteger big) {
      if (big.bitLength() > 63) {
        throw new EncodeException(path, big + " does not fit a 64-bit integer");
      }
      packLong(p, big.longValue());
    } else if (value instanceof Number n) {
      packDouble(p, n.doubleValue());
    } else if (value instanceof byte[] bytes) {
      if (bytes.length > limits.maxBufferBytes()) {
        throw new EncodeException(path, "binary of " + bytes.length + " bytes exceeds the limit of "
            + limits.maxBufferBytes());
      }
      binaryHeader(p, bytes.length);
      p.writePayload(bytes);
    } else if (value instanceof List<?> list) {
      if (list.size() > limits.maxListLength()) {
        throw new EncodeException(path, "list of " + list.size() + " items exceeds the limit of " + limits.maxListLength());
      }
      p.packArrayHeader(list.size());
      int i = 0;
      for (Object item : list) {
        packValue(p, item, limits, path + "[" + i++ + "]", depth + 1);
      }
    } else if (value instanceof Map<?, ?> map) {
      if (map.size() > limits.maxListLength()) {
        throw new EncodeException(path, "map of " + map.size() + " entries exceeds the limit of " + limits.maxListLength());
      }
      p.packMapHeader(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new EncodeException(path, "map key " + Values.describe(e.getKey()) + " is not a string");
        }
        byte[] utf8 = Utf8.bytes(key);
        if (utf8.length > limits.maxStringBytes()) {
          // the decoder refuses such a key, so the encoder does too
          throw new EncodeException(path, "map key of " + utf8.length + " UTF-8 bytes exceeds the limit of "
              + limits.maxStringBytes());
        }
        p.packRawStringHeader(utf8.length);
        p.writePayload(utf8);
        packValue(p, e.getValue(), limits, path + "." + key, depth + 1);
      }
    } else {
      throw new EncodeException(path, "a " + value.getClass().getName()
          + " is not JSON-like (null, Boolean, Number, String, byte[], List, Map)");
    }
  }

  /** As msgpack-lite: bin8 only below 255 bytes (a 255-byte buffer is {@code c5 00 ff}), then bin16, bin32. */
  private static void binaryHeader(MessageBufferPacker p, int length) throws IOException {
    if (length < 0xFF) {
      p.writePayload(new byte[] {(byte) 0xC4, (byte) length});
    } else if (length <= 0xFFFF) {
      p.writePayload(new byte[] {(byte) 0xC5, (byte) (length >> 8), (byte) length});
    } else {
      p.writePayload(new byte[] {(byte) 0xC6, (byte) (length >> 24), (byte) (length >> 16), (byte) (length >> 8),
          (byte) length});
    }
  }

  private static void packLong(MessageBufferPacker p, long v) throws IOException {
    if (v == (int) v) {
      p.packInt((int) v);
    } else if (-SAFE_INTEGER <= v && v <= SAFE_INTEGER) {
      p.packDouble(v);
    } else {
      p.packLong(v);
    }
  }

  private static void packDouble(MessageBufferPacker p, double v) throws IOException {
    if (v == (int) v) {
      p.packInt((int) v);
    } else {
      p.packDouble(v);
    }
  }

  /** Measures and checks a packed value; returns the packed bytes, which {@link #write} then writes. */
  /**
   * Packs {@code value} for a codec's measure pass and remembers the bytes under {@code key} (the field's value,
   * or the record when the whole record is packed) for the write pass that follows on this thread, which then
   * packs nothing again. Returns the field's size: length prefix and bytes.
   */
  public static int measure(Object key, Object value, PacketLimits limits, String path) {
    byte[] packed = pack(value, limits, path);
    if (key != null) {
      MEMO.get().remember(key, packed);
    }
    return size(packed);
  }

  /** Writes what {@link #measure} packed for {@code key} on this thread, or packs {@code value} now. */
  public static void write(WireOut out, Object key, Object value, PacketLimits limits, String path) {
    byte[] packed = key == null ? null : MEMO.get().take(key);
    write(out, packed != null ? packed : pack(value, limits, path));
  }

  /**
   * The last few values packed by measure passes on this thread, newest first; a write pass takes its own out.
   * A measure always packs afresh, so a value changed between two encodes is never written stale.
   */
  private static final class Memo {
    private static final int SLOTS = 8;
    private final Object[] keys = new Object[SLOTS];
    private final byte[][] packed = new byte[SLOTS][];
    private int next;

    void remember(Object key, byte[] bytes) {
      keys[next] = key;
      packed[next] = bytes;
      next = (next + 1) % SLOTS;
    }

    byte[] take(Object key) {
      for (int back = 1; back <= SLOTS; back++) {
        int i = (next - back + SLOTS) % SLOTS;
        if (keys[i] == key) {
          byte[] bytes = packed[i];
          keys[i] = null;
          packed[i] = null;
          return bytes;
        }
      }
      return null;
    }
  }

  private static final ThreadLocal<Memo> MEMO = ThreadLocal.withInitial(Memo::new);

  public static int size(byte[] packed) {
    return VarUintWire.size(packed.length) + packed.length;
  }

  public static void write(WireOut out, byte[] packed) {
    out.putVarUint(packed.length);
    out.putBytes(packed, 0, packed.length);
  }

  /** Reads a buffer field and unpacks its content. */
  public static Object read(WireIn in, String path) {
    int length = in.getLength(path, in.limits().maxBufferBytes(), TYPE);
    int start = in.offset();
    byte[] buf = in.array();
    int at = in.absolutePosition();
    in.skip(length, path);
    return unpack(buf, at, length, in.limits(), path, start);
  }

  /** Reads a buffer field, unpacks it and checks that the value is a {@code type} (or null). */
  public static <T> T read(WireIn in, String path, Class<T> type) {
    int start = in.offset();
    Object value = read(in, path);
    if (value != null && !type.isInstance(value)) {
      throw new DecodeException(path, start, "packed value is " + kind(value) + "; a " + type.getSimpleName() + " is required");
    }
    return type.cast(value);
  }

  /** A dehydrated {@code @Packed} value: any JSON-like value of the component's type, or null. */
  public static <T> T hydrate(Object value, String path, PacketLimits limits, Class<T> type) {
    if (value != null && !type.isInstance(value)) {
      throw new HydrationException(path, Values.describe(value) + " is " + kind(value) + "; a " + type.getSimpleName()
          + " is required");
    }
    return type.cast(value);
  }

  private static String kind(Object value) {
    return value instanceof Map ? "a map" : value instanceof List ? "a list" : value instanceof byte[] ? "binary"
        : "a " + value.getClass().getSimpleName();
  }

  /** Unpacks exactly {@code length} bytes of msgpack from {@code buf}; {@code base} offsets errors. */
  public static Object unpack(byte[] buf, int offset, int length, PacketLimits limits, String path, int base) {
    try (MessageUnpacker u = UNPACKER.newUnpacker(buf, offset, length)) {
      Object value = unpackValue(u, length, limits, path, base, 0);
      if (u.getTotalReadBytes() != length) {
        throw new DecodeException(path, base + (int) u.getTotalReadBytes(),
            (length - u.getTotalReadBytes()) + " trailing byte(s) after the packed value");
      }
      return value;
    } catch (DecodeException e) {
      throw e;
    } catch (MessagePackException | IOException e) {
      throw new DecodeException(path, base, "malformed msgpack: " + e.getMessage());
    }
  }

  private static Object unpackValue(MessageUnpacker u, int length, PacketLimits limits, String path, int base, int depth)
      throws IOException {
    if (depth > limits.maxPackedDepth()) {
      throw new DecodeException(path, at(u, base), "packed value nests deeper than the limit of " + limits.maxPackedDepth());
    }
    if (!u.hasNext()) {
      throw new DecodeException(path, at(u, base), "truncated msgpack");
    }
    MessageFormat format = u.getNextFormat();
    ValueType type = format.getValueType();
    switch (type) {
      case NIL:
        u.unpackNil();
        return null;
      case BOOLEAN:
        return u.unpackBoolean();
      case INTEGER: {
        if (format == MessageFormat.UINT64) {
          BigInteger big = u.unpackBigInteger();
          if (big.bitLength() > 63) {
            throw new DecodeException(path, at(u, base), "integer " + big + " does not fit a 64-bit signed integer");
          }
          return narrow(big.longValue());
        }
        return narrow(u.unpackLong());
      }
      case FLOAT: {
        double d = u.unpackDouble();
        if (d == Math.rint(d) && Math.abs(d) <= SAFE_INTEGER && !(d == 0 && 1 / d < 0)) {
          return narrow((long) d);
        }
        return d;
      }
      case STRING: {
        int start = at(u, base);
        int n = u.unpackRawStringHeader();
        check(u, n, length, limits.maxStringBytes(), "string", path, start);
        byte[] bytes = u.readPayload(n);
        return Utf8.read(bytes, 0, n);
      }
      case BINARY: {
        int start = at(u, base);
        int n = u.unpackBinaryHeader();
        check(u, n, length, limits.maxBufferBytes(), "binary", path, start);
        return u.readPayload(n);
      }
      case ARRAY: {
        int start = at(u, base);
        int n = u.unpackArrayHeader();
        check(u, n, length, limits.maxListLength(), "array", path, start);
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(unpackValue(u, length, limits, path, base, depth + 1));
        }
        return list;
      }
      case MAP: {
        int start = at(u, base);
        int n = u.unpackMapHeader();
        if (n > limits.maxListLength()) {
          throw new DecodeException(path, start, "msgpack map of " + n + " entries exceeds the limit of "
              + limits.maxListLength());
        }
        long left = length - u.getTotalReadBytes();
        if (n * 2L > left) { // each entry is a key and a value, at least one byte each
          throw new DecodeException(path, start, "msgpack map of " + n + " entries needs at least " + (n * 2L)
              + " byte(s), but only " + left + " left");
        }
        Map<String, Object> map = new LinkedHashMap<>(Math.max(4, n * 2));
        for (int i = 0; i < n; i++) {
          Object key = unpackValue(u, length, limits, path, base, depth + 1);
          if (!(key instanceof String k)) {
            throw new DecodeException(path, at(u, base), "map key " + Values.describe(key) + " is not a string");
          }
          map.put(k, unpackValue(u, length, limits, path + "." + k, base, depth + 1));
        }
        return map;
      }
      default:
        throw new DecodeException(path, at(u, base), "msgpack " + type.name().toLowerCase() + " values are not supported");
    }
  }

  private static Object narrow(long v) {
    return v == (int) v ? (Object) (int) v : (Object) v;
  }

  private static int at(MessageUnpacker u, int base) {
    return base + (int) u.getTotalReadBytes();
  }

  private static void check(MessageUnpacker u, long n, int length, long max, String what, String path, int start) {
    long left = length - u.getTotalReadBytes();
    if (n > max) {
      throw new DecodeException(path, start, "msgpack " + what + " of " + n + " exceeds the limit of " + max);
    }
    if (n > left) {
      throw new DecodeException(path, start, "msgpack " + what + " of " + n + " but only " + left + " byte(s) left");
    }
  }
}
