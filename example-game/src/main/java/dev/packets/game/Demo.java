package dev.packets.game;

import dev.packets.Bundle;
import dev.packets.EncodeException;
import dev.packets.PacketRegistry;
import dev.packets.Refresh;
import dev.packets.game.wire.Chat;
import dev.packets.game.wire.Input;
import dev.packets.game.wire.Spots;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Defines packets, encodes, decodes, hydrates and prints the bytes. */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) {
    PacketRegistry packets = PacketRegistry.of(Input.class, Chat.class, Spots.class);
    System.out.println("registry " + packets.fingerprint() + ": " + packets.schemas().keySet()
        + " (ids 1.." + packets.size() + ")");

    Input input = new Input(7, 1.5f, 60f);
    show(packets, input);
    show(packets, new Chat("ada", "hello", Map.of("color", "teal")));
    show(packets, Bundle.of(input, new Spots(1, List.of(new Spots.Spot(7, 640, 1280, 64))), new Refresh()));

    Object fromJs = packets.hydrate(List.of("Input", Map.of("entity", 8, "heading", 3.5, "speed", 0)));
    System.out.println("hydrated   " + fromJs);

    try {
      packets.encode(new Spots(1, List.of(new Spots.Spot(7, 70000, 0, 0))));
    } catch (EncodeException e) {
      System.out.println("refused    " + e.getMessage());
    }
  }

  private static void show(PacketRegistry packets, Object packet) {
    byte[] bytes = packets.encode(packet);
    Object back = packets.decode(packets.id(packet.getClass()), bytes);
    System.out.printf("%-10s id %d, %2d bytes: %s%n", packets.name(packet.getClass()), packets.id(packet.getClass()),
        bytes.length, HexFormat.ofDelimiter(" ").formatHex(bytes));
    System.out.println("decoded    " + back);
    System.out.println("dehydrated " + packets.dehydrate(back));
  }
}
