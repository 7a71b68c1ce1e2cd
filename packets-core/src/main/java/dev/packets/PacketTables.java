package dev.packets;

import dev.packets.codec.Json;
import java.util.List;
import java.util.Map;

/**
 * Compares packet tables: this side's ({@link PacketRegistry#table()}) and another's, as {@code
 * /packets/schema.json} gives it, read into JSON-like values. Two sides whose tables differ number or shape packets
 * differently, so a packet sent by one is another packet, or garbage, to the other.
 */
public final class PacketTables {
  private PacketTables() {}

  /**
   * The first difference between the packets of {@code ours} and {@code theirs}, in id order, said for a person
   * ("packet 3 is Move here and Chat there"), or null when they hold the same packets.
   */
  public static String firstDifference(Map<String, ?> ours, Map<?, ?> theirs) {
    List<?> here = packets(ours);
    List<?> there = packets(theirs);
    for (int i = 0; i < Math.max(here.size(), there.size()); i++) {
      Map<?, ?> a = i < here.size() && here.get(i) instanceof Map<?, ?> m ? m : null;
      Map<?, ?> b = i < there.size() && there.get(i) instanceof Map<?, ?> m ? m : null;
      int id = i + 1;
      if (a == null) {
        return "packet " + id + " is " + b.get("name") + " there and missing here";
      }
      if (b == null) {
        return "packet " + id + " is " + a.get("name") + " here and missing there";
      }
      if (!String.valueOf(a.get("name")).equals(String.valueOf(b.get("name")))) {
        return "packet " + id + " is " + a.get("name") + " here and " + b.get("name") + " there";
      }
      String schemaHere = Json.write(a.get("schema"), true);
      String schemaThere = Json.write(b.get("schema"), true);
      if (!schemaHere.equals(schemaThere)) {
        return "packet " + id + " (" + a.get("name") + ") is " + schemaHere + " here and " + schemaThere + " there";
      }
      String packedHere = Json.write(a.get("packed"), true);
      String packedThere = Json.write(b.get("packed"), true);
      if (!packedHere.equals(packedThere)) {
        return "packet " + id + " (" + a.get("name") + ") packs " + packedHere + " here and " + packedThere + " there";
      }
    }
    return null;
  }

  private static List<?> packets(Map<?, ?> table) {
    return table != null && table.get("packets") instanceof List<?> list ? list : List.of();
  }
}
