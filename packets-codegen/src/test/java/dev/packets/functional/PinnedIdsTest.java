package dev.packets.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.packets.Bundle;
import dev.packets.PacketRegistry;
import dev.packets.codec.PacketCodec;
import dev.packets.fixtures.Pins;
import dev.packets.fixtures.Pins_Amber_PacketCodec;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code @Packet(id = N)}: pinned packets keep their ids; the others take the free ones in name order. */
class PinnedIdsTest {
  private static Map<String, Integer> ids(PacketRegistry registry) {
    Map<String, Integer> ids = new LinkedHashMap<>();
    for (Object entry : (List<?>) registry.table().get("packets")) {
      ids.put((String) ((Map<?, ?>) entry).get("name"), (Integer) ((Map<?, ?>) entry).get("id"));
    }
    return ids;
  }

  @Test
  void aPinnedPacketKeepsItsIdAndTheOthersFillTheGapsInNameOrder() {
    PacketRegistry deployed = PacketRegistry.of(Pins.Zulu.class, Pins.Amber.class);
    assertEquals(Map.of("Zulu", 1, "Amber", 2, "Bundle", 3, "Redirect", 4, "Refresh", 5), ids(deployed));
    assertEquals(List.of("Zulu", "Amber", "Bundle", "Redirect", "Refresh"), List.copyOf(ids(deployed).keySet()),
        "the table is in id order");

    // Aardvark, added at 6, would otherwise be 1 (first by name) and push every packet one id up
    PacketRegistry later = PacketRegistry.of(Pins.Zulu.class, Pins.Amber.class, Pins.Aardvark.class);
    Map<String, Integer> expected = new LinkedHashMap<>(ids(deployed));
    expected.put("Aardvark", 6);
    assertEquals(expected, ids(later));
    assertEquals(6, later.id(Pins.Aardvark.class));
    Bundle both = Bundle.of(new Pins.Zulu(1), new Pins.Aardvark(2));
    assertEquals(both, later.decode(later.id(Bundle.class), later.encode(both)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void twoPinsOnOneIdOrAPinPastTheLastIdAreRefused() {
    // Amber's codec as if it pinned id 1 too (two compiled pins on one id would break discover() in RoundTripTest)
    PacketCodec<Pins.Amber> amber = new Pins_Amber_PacketCodec();
    PacketCodec<Pins.Amber> alsoOne = (PacketCodec<Pins.Amber>) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {PacketCodec.class}, (proxy, method, args) -> method.getName().equals("id") ? 1
            : method.invoke(amber, args));
    IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
        () -> PacketRegistry.builder().add(Pins.Zulu.class).add(alsoOne).build());
    assertEquals("Zulu and Amber both pin id 1", clash.getMessage());
    IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
        () -> PacketRegistry.of(Pins.Aardvark.class));
    assertEquals("Aardvark pins id 6, but this registry's 4 packets have ids 1..4, without gaps", past.getMessage());
  }
}
