package dev.packets.bench.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import dev.packets.PacketRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.fory.Fory;
import org.apache.fory.config.CompatibleMode;
import org.apache.fory.config.Language;
import org.apache.fory.memory.MemoryBuffer;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.ArrayBufferInput;

/** The contenders by name, each for Move or Player; the first five for Update too. */
final class Contenders {
  static final List<String> NAMES = List.of("packets", "packetsByteBuf", "kryo", "kryoRecord", "fory", "protobuf",
      "msgpack", "jackson");
  /** The contenders for Update, the packet with extension types: packets beside Kryo and Fory doing the same. */
  static final List<String> UPDATE_NAMES = List.of("packets", "packetsByteBuf", "kryo", "kryoRecord", "fory");

  private Contenders() {}

  static Contender create(String name, String packet) {
    boolean move = packet.equals("Move");
    if (packet.equals("Update") && !UPDATE_NAMES.contains(name)) {
      throw new IllegalArgumentException(name + " has no Update contender");
    }
    return switch (name) {
      case "packets" -> new Packets(REGISTRY.id(packet));
      case "packetsByteBuf" -> new PacketsByteBuf(REGISTRY.id(packet));
      case "kryo" -> new KryoHand(packet.equals("Update") ? Update.class : move ? Move.class : Player.class);
      case "kryoRecord" -> new KryoRecord();
      case "fory" -> new ForyContender();
      case "protobuf" -> move ? new ProtoMove() : new ProtoPlayer();
      case "msgpack" -> move ? new MsgpackMove() : new MsgpackPlayer();
      case "jackson" -> new JacksonContender(move ? Move.class : Player.class);
      default -> throw new IllegalArgumentException(name);
    };
  }

  static final PacketRegistry REGISTRY = PacketRegistry.of(Move.class, Player.class, Update.class);

  /** The generated codec, into a new exact-size array; the id is known, as a receiver reads it from the frame. */
  static final class Packets extends Contender {
    private final int id;
    private byte[] out;

    Packets(int id) {
      this.id = id;
    }

    @Override
    int encode(Object packet) {
      out = REGISTRY.encode(packet);
      return out.length;
    }

    @Override
    Object decode() {
      return REGISTRY.decode(id, out, 0, out.length);
    }

    @Override
    byte[] bytes() {
      return out.clone();
    }
  }

  /** The generated codec, into a reused heap ByteBuf (no allocation to encode). */
  static final class PacketsByteBuf extends Contender {
    private final ByteBuf buf = Unpooled.buffer(256);
    private final int id;

    PacketsByteBuf(int id) {
      this.id = id;
    }

    @Override
    int encode(Object packet) {
      buf.clear();
      REGISTRY.encode(packet, buf);
      return buf.readableBytes();
    }

    @Override
    Object decode() {
      return REGISTRY.decode(id, buf.array(), buf.arrayOffset(), buf.writerIndex());
    }

    @Override
    byte[] bytes() {
      return Arrays.copyOf(buf.array(), buf.writerIndex());
    }
  }

  /**
   * Kryo with hand-written serializers, registered and called through {@code kryo.writeObject}/{@code readObject}
   * (Kryo's dispatch, as packets goes through its registry); reused Output and Input.
   */
  static final class KryoHand extends Contender {
    private final Kryo kryo = new Kryo();
    private final Class<?> type;
    private final Output out = new Output(256);
    private final Input in = new Input();

    KryoHand(Class<?> type) {
      this.type = type;
      kryo.register(Move.class, new KryoMove());
      kryo.register(Player.class, new KryoPlayer());
      kryo.register(Update.class, new KryoUpdate());
    }

    @Override
    int encode(Object packet) {
      out.reset();
      kryo.writeObject(out, packet);
      return out.position();
    }

    @Override
    Object decode() {
      in.setBuffer(out.getBuffer(), 0, out.position());
      return kryo.readObject(in, type);
    }

    @Override
    byte[] bytes() {
      return out.toBytes();
    }
  }

  static final class KryoMove extends Serializer<Move> {
    @Override
    public void write(Kryo kryo, Output out, Move m) {
      out.writeVarInt(m.entity(), true);
      out.writeFloat(m.x());
      out.writeFloat(m.y());
      out.writeFloat(m.z());
      out.writeShort(m.heading());
      out.writeString(m.name());
    }

    @Override
    public Move read(Kryo kryo, Input in, Class<? extends Move> type) {
      return new Move(in.readVarInt(true), in.readFloat(), in.readFloat(), in.readFloat(), in.readShort(),
          in.readString());
    }
  }

  static final class KryoPlayer extends Serializer<Player> {
    @Override
    public void write(Kryo kryo, Output out, Player p) {
      out.writeVarInt(p.health(), true);
      out.writeBoolean(p.jumping());
      out.writeVarInt(p.position().size(), true);
      for (short s : p.position()) {
        out.writeShort(s);
      }
      out.writeByte(p.attributes().str());
      out.writeByte(p.attributes().agi());
      out.writeByte(p.attributes().intelligence());
    }

    @Override
    public Player read(Kryo kryo, Input in, Class<? extends Player> type) {
      int health = in.readVarInt(true);
      boolean jumping = in.readBoolean();
      int n = in.readVarInt(true);
      List<Short> position = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        position.add(in.readShort());
      }
      return new Player(health, jumping, position, new Player.Attributes(in.readByteUnsigned(),
          in.readByteUnsigned(), in.readByteUnsigned()));
    }
  }

  /** Update as a hand-written Kryo serializer would: a presence flag for the label, the ordinal as a varint. */
  static final class KryoUpdate extends Serializer<Update> {
    private static final Update.Kind[] KINDS = Update.Kind.values();

    @Override
    public void write(Kryo kryo, Output out, Update u) {
      out.writeLong(u.at());
      out.writeString(u.label()); // Kryo's strings carry null themselves
      out.writeVarInt(u.kind().ordinal(), true);
      out.writeVarInt(u.entity(), true);
    }

    @Override
    public Update read(Kryo kryo, Input in, Class<? extends Update> type) {
      return new Update(in.readLong(), in.readString(), KINDS[in.readVarInt(true)], in.readVarInt(true));
    }
  }

  /** Kryo's own record serializer (registered classes). */
  static final class KryoRecord extends Contender {
    private final Kryo kryo = new Kryo();
    private final Output out = new Output(256);
    private final Input in = new Input();

    KryoRecord() {
      kryo.register(Move.class);
      kryo.register(Player.class);
      kryo.register(Player.Attributes.class);
      kryo.register(Update.class);
      kryo.register(Update.Kind.class);
      kryo.register(ArrayList.class);
      kryo.register(List.of(1, 2, 3).getClass());
      kryo.setRegistrationRequired(false);
    }

    @Override
    int encode(Object packet) {
      out.reset();
      kryo.writeClassAndObject(out, packet);
      return out.position();
    }

    @Override
    Object decode() {
      in.setBuffer(out.getBuffer(), 0, out.position());
      return kryo.readClassAndObject(in);
    }

    @Override
    byte[] bytes() {
      return out.toBytes();
    }
  }

  /**
   * Apache Fory, Java mode, registered classes, no reference tracking, generated serializers, schema-consistent
   * (Fory 1.6 defaults to compatible mode, which sends field metadata with every message), into a reused buffer.
   */
  static final class ForyContender extends Contender {
    private final Fory fory = Fory.builder().withLanguage(Language.JAVA).withRefTracking(false)
        .requireClassRegistration(true).withCodegen(true).withCompatibleMode(CompatibleMode.SCHEMA_CONSISTENT)
        .build();
    private final MemoryBuffer buf = MemoryBuffer.newHeapBuffer(256);

    ForyContender() {
      fory.register(Move.class);
      fory.register(Player.class);
      fory.register(Player.Attributes.class);
      fory.register(Update.class);
      fory.register(Update.Kind.class);
    }

    @Override
    int encode(Object packet) {
      buf.writerIndex(0);
      fory.serialize(buf, packet);
      return buf.writerIndex();
    }

    @Override
    Object decode() {
      buf.readerIndex(0);
      return fory.deserialize(buf);
    }

    @Override
    byte[] bytes() {
      return Arrays.copyOf(buf.getHeapMemory(), buf.writerIndex());
    }
  }

  /** protobuf-java written by hand with CodedOutputStream into a reused array. */
  abstract static class Proto extends Contender {
    final byte[] buf = new byte[256];
    int length;

    @Override
    int encode(Object packet) {
      try {
        CodedOutputStream out = CodedOutputStream.newInstance(buf);
        write(out, packet);
        length = out.getTotalBytesWritten();
        return length;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    Object decode() {
      try {
        return read(CodedInputStream.newInstance(buf, 0, length));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    byte[] bytes() {
      return Arrays.copyOf(buf, length);
    }

    abstract void write(CodedOutputStream out, Object packet) throws IOException;

    abstract Object read(CodedInputStream in) throws IOException;
  }

  static final class ProtoMove extends Proto {
    @Override
    void write(CodedOutputStream out, Object packet) throws IOException {
      Move m = (Move) packet;
      out.writeUInt32(1, m.entity());
      out.writeFloat(2, m.x());
      out.writeFloat(3, m.y());
      out.writeFloat(4, m.z());
      out.writeSInt32(5, m.heading());
      out.writeString(6, m.name());
      out.flush();
    }

    @Override
    Object read(CodedInputStream in) throws IOException {
      int entity = 0;
      float x = 0;
      float y = 0;
      float z = 0;
      short heading = 0;
      String name = "";
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (tag >>> 3) {
          case 1 -> entity = in.readUInt32();
          case 2 -> x = in.readFloat();
          case 3 -> y = in.readFloat();
          case 4 -> z = in.readFloat();
          case 5 -> heading = (short) in.readSInt32();
          case 6 -> name = in.readStringRequireUtf8();
          default -> in.skipField(tag);
        }
      }
      return new Move(entity, x, y, z, heading, name);
    }
  }

  static final class ProtoPlayer extends Proto {
    @Override
    void write(CodedOutputStream out, Object packet) throws IOException {
      Player p = (Player) packet;
      out.writeUInt32(1, p.health());
      out.writeBool(2, p.jumping());
      // packed repeated sint32
      int size = 0;
      for (short s : p.position()) {
        size += CodedOutputStream.computeSInt32SizeNoTag(s);
      }
      out.writeTag(3, 2);
      out.writeUInt32NoTag(size);
      for (short s : p.position()) {
        out.writeSInt32NoTag(s);
      }
      out.writeUInt32(4, p.attributes().str());
      out.writeUInt32(5, p.attributes().agi());
      out.writeUInt32(6, p.attributes().intelligence());
      out.flush();
    }

    @Override
    Object read(CodedInputStream in) throws IOException {
      int health = 0;
      boolean jumping = false;
      List<Short> position = new ArrayList<>();
      int str = 0;
      int agi = 0;
      int intelligence = 0;
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (tag >>> 3) {
          case 1 -> health = in.readUInt32();
          case 2 -> jumping = in.readBool();
          case 3 -> {
            int limit = in.pushLimit(in.readRawVarint32());
            while (in.getBytesUntilLimit() > 0) {
              position.add((short) in.readSInt32());
            }
            in.popLimit(limit);
          }
          case 4 -> str = in.readUInt32();
          case 5 -> agi = in.readUInt32();
          case 6 -> intelligence = in.readUInt32();
          default -> in.skipField(tag);
        }
      }
      return new Player(health, jumping, position, new Player.Attributes(str, agi, intelligence));
    }
  }

  /** msgpack-core by hand: each packet an array of its fields; a reused packer and a reused unpacker. */
  abstract static class Msgpack extends Contender {
    private final MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();
    private final ArrayBufferInput input = new ArrayBufferInput(new byte[0]);
    private final MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(input);
    private byte[] out;

    @Override
    int encode(Object packet) {
      try {
        packer.clear();
        write(packer, packet);
        out = packer.toByteArray();
        return out.length;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    Object decode() {
      try {
        input.reset(out);
        unpacker.reset(input);
        return read(unpacker);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    byte[] bytes() {
      return out.clone();
    }

    abstract void write(MessageBufferPacker out, Object packet) throws IOException;

    abstract Object read(MessageUnpacker in) throws IOException;
  }

  static final class MsgpackMove extends Msgpack {
    @Override
    void write(MessageBufferPacker out, Object packet) throws IOException {
      Move m = (Move) packet;
      out.packArrayHeader(6).packInt(m.entity()).packFloat(m.x()).packFloat(m.y()).packFloat(m.z())
          .packShort(m.heading()).packString(m.name());
    }

    @Override
    Object read(MessageUnpacker in) throws IOException {
      in.unpackArrayHeader();
      return new Move(in.unpackInt(), in.unpackFloat(), in.unpackFloat(), in.unpackFloat(), in.unpackShort(),
          in.unpackString());
    }
  }

  static final class MsgpackPlayer extends Msgpack {
    @Override
    void write(MessageBufferPacker out, Object packet) throws IOException {
      Player p = (Player) packet;
      out.packArrayHeader(4).packInt(p.health()).packBoolean(p.jumping()).packArrayHeader(p.position().size());
      for (short s : p.position()) {
        out.packShort(s);
      }
      out.packArrayHeader(3).packInt(p.attributes().str()).packInt(p.attributes().agi())
          .packInt(p.attributes().intelligence());
    }

    @Override
    Object read(MessageUnpacker in) throws IOException {
      in.unpackArrayHeader();
      int health = in.unpackInt();
      boolean jumping = in.unpackBoolean();
      int n = in.unpackArrayHeader();
      List<Short> position = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        position.add(in.unpackShort());
      }
      in.unpackArrayHeader();
      return new Player(health, jumping, position, new Player.Attributes(in.unpackInt(), in.unpackInt(),
          in.unpackInt()));
    }
  }

  /** Jackson databind, JSON. */
  static final class JacksonContender extends Contender {
    private final ObjectMapper mapper = new ObjectMapper();
    private final Class<?> type;
    private byte[] out;

    JacksonContender(Class<?> type) {
      this.type = type;
    }

    @Override
    int encode(Object packet) {
      try {
        out = mapper.writeValueAsBytes(packet);
        return out.length;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    Object decode() {
      try {
        return mapper.readValue(out, type);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    byte[] bytes() {
      return out.clone();
    }
  }
}
