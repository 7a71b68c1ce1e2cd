package dev.packets.codegen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The places where an object (the packet itself or a nested record) occurs, each at its own field path. Each site
 * gets its own methods ({@code measure2}, {@code read2} …) so that error messages carry the exact path:
 * {@code Line.from.x} and {@code Line.to.x} are different sites of one record type.
 */
final class Sites {
  /** One object occurrence. */
  record Site(int index, TypeModel.ObjectType type, String path) {}

  private final Map<String, Site> byPath = new LinkedHashMap<>();
  private final Deque<Site> pending = new ArrayDeque<>();
  private final List<Site> all = new ArrayList<>();

  /** The site of an object at {@code path}, created on first use. */
  Site at(TypeModel.ObjectType type, String path) {
    Site site = byPath.get(path);
    if (site == null) {
      site = new Site(byPath.size(), type, path);
      byPath.put(path, site);
      pending.add(site);
      all.add(site);
    }
    return site;
  }

  /** The next site whose methods are still to be written, or null. */
  Site nextPending() {
    return pending.poll();
  }

  List<Site> all() {
    return all;
  }
}
