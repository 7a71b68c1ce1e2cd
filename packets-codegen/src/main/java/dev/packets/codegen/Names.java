package dev.packets.codegen;

import java.util.HashMap;
import java.util.Map;

/** Hands out unique local variable names within one generated method. */
final class Names {
  private final Map<String, Integer> used = new HashMap<>();

  /** {@code base}, then {@code base2}, {@code base3} … */
  String next(String base) {
    String clean = base.replaceAll("[^A-Za-z0-9_]", "_");
    int n = used.merge(clean, 1, Integer::sum);
    return n == 1 ? clean : clean + n;
  }
}
