package dev.packets.functional;

import static dev.packets.functional.Fixtures.ALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.DecodeException;
import dev.packets.fixtures.AllTypes;
import dev.packets.fixtures.Inventory;
import dev.packets.fixtures.Meta;
import dev.packets.fixtures.Nested;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** decode inverts encode for generated records; prefixes and random bytes fail only with DecodeException. */
class CodecProperties {

  @Property(tries = 300)
  void allTypesRoundTrip(@ForAll("allTypes") AllTypes value) {
    roundTrip(value);
  }

  @Property(tries = 200)
  void inventoriesRoundTrip(@ForAll("inventories") Inventory value) {
    roundTrip(value);
  }

  @Property(tries = 200)
  void nestedRoundTrip(@ForAll("nested") Nested value) {
    roundTrip(value);
  }

  @Property(tries = 200)
  void packedRoundTrip(@ForAll("packedValues") Object meta) {
    roundTrip(new Meta(7, meta));
  }

  @Property(tries = 500)
  void randomBytesFailOnlyWithDecodeException(@ForAll @Size(max = 64) byte[] bytes,
      @ForAll @IntRange(min = 0, max = 20) int id) {
    try {
      Object packet = ALL.decode(id, bytes);
      // whatever decoded must encode back to the same bytes, or to an equivalent encoding
      assertTrue(ALL.contains(packet.getClass()));
    } catch (DecodeException expected) {
      assertTrue(expected.getMessage().contains(" at byte "), expected.getMessage());
    }
  }

  private static void roundTrip(Object value) {
    byte[] bytes = ALL.encode(value);
    assertEquals(bytes.length, ALL.measure(value));
    int id = ALL.id(value.getClass());
    Object back = ALL.decode(id, bytes);
    assertTrue(Fixtures.samePacket(value, back), () -> value + " came back as " + back);
    assertTrue(Fixtures.samePacket(value, ALL.hydrate(ALL.dehydrate(value))));
    for (int cut = 0; cut < bytes.length; cut++) {
      byte[] prefix = Arrays.copyOf(bytes, cut);
      assertThrows(DecodeException.class, () -> ALL.decode(id, prefix), () -> "prefix " + Fixtures.hex(prefix));
    }
  }

  @Provide
  Arbitrary<AllTypes> allTypes() {
    Arbitrary<Tuple.Tuple7<Boolean, Byte, Integer, Short, Integer, Integer, Long>> ints = Combinators.combine(
        Arbitraries.of(true, false), Arbitraries.bytes(), Arbitraries.integers().between(0, 255), Arbitraries.shorts(),
        Arbitraries.integers().between(0, 65535), Arbitraries.integers(), Arbitraries.longs().between(0, 0xFFFF_FFFFL))
        .as(Tuple::of);
    Arbitrary<Tuple.Tuple6<Float, Double, Integer, Integer, String, byte[]>> rest = Combinators.combine(
        Arbitraries.floats(), Arbitraries.doubles(), Arbitraries.integers().between(-(1 << 30), (1 << 30) - 1),
        Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.strings().ofMaxLength(200),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(300)).as(Tuple::of);
    return Combinators.combine(ints, rest).as((a, b) -> new AllTypes(a.get1(), a.get2(), a.get3(), a.get4(), a.get5(),
        a.get6(), a.get7(), b.get1(), b.get2(), b.get3(), b.get4(), b.get5(), b.get6()));
  }

  @Provide
  Arbitrary<Inventory> inventories() {
    Arbitrary<Inventory.Pos> pos = Combinators.combine(Arbitraries.integers().between(-32768, 32767),
        Arbitraries.integers().between(-32768, 32767)).as(Inventory.Pos::new);
    Arbitrary<Inventory.Item> item = Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE),
        Arbitraries.strings().ofMaxLength(20), pos).as(Inventory.Item::new);
    return Combinators.combine(item.list().ofMaxSize(20), Arbitraries.integers().between(0, 255)).as(Inventory::new);
  }

  @Provide
  Arbitrary<Nested> nested() {
    Arbitrary<Nested.Deep> deep = Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers())
        .as(Nested.Deep::new);
    Arbitrary<Nested.Inner> inner = Combinators.combine(Arbitraries.floats(), Arbitraries.floats(), deep)
        .as(Nested.Inner::new);
    Arbitrary<Nested.Outer> outer = Combinators.combine(Arbitraries.strings(), inner).as(Nested.Outer::new);
    return Combinators.combine(Arbitraries.integers().greaterOrEqual(0), outer).as(Nested::new);
  }

  @Provide
  Arbitrary<Object> packedValues() {
    Arbitrary<Object> scalar = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of(true, false),
        Arbitraries.integers().map(i -> (Object) i), Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
        Arbitraries.doubles().filter(d -> d != Math.rint(d)).map(d -> (Object) d),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(10).map(b -> (Object) b));
    Arbitrary<Object> list = scalar.list().ofMaxSize(5).map(l -> (Object) l);
    Arbitrary<Object> map = Arbitraries.maps(Arbitraries.strings().ofMaxLength(8), scalar).ofMaxSize(5)
        .map(m -> (Object) m);
    return Arbitraries.oneOf(scalar, list, map, Arbitraries.maps(Arbitraries.strings().ofMaxLength(4), list)
        .ofMaxSize(3).map(m -> (Object) Map.copyOf(m)));
  }

}
