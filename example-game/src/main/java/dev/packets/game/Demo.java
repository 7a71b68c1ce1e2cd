package dev.packets.game;

import dev.packets.Bundle;
import dev.packets.EncodeException;
import dev.packets.PacketRegistry;
import dev.packets.Refresh;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Defines packets, encodes, decodes, hydrates and prints the bytes. */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) {
    PacketRegistry packets = PacketRegistry.of(Move.class, Chat.class);
    System.out.println("registry " + packets.fingerprint() + ": " + packets.schemas().keySet()
        + " (ids 1.." + packets.size() + ")");

    Move move = new Move(7, 1.5f, -2f, 0.25f, (short) 90, "ada");
    show(packets, move);
    show(packets, new Chat(1, "hello", Map.of("color", "teal", "emotes", List.of(3, 7))));
    show(packets, Bundle.of(move, new Refresh()));

    Object fromJs = packets.hydrate(List.of("Move", Map.of(
        "entity", 8, "x", 3.5, "y", 0, "z", 1, "heading", -45, "name", "bob")));
    System.out.println("hydrated   " + fromJs);

    try {
      packets.encode(new Chat(300, "too loud", null));
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
