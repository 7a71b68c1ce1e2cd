package dev.packets.game.bot;

import dev.packets.game.Game;
import dev.packets.game.node.GameServer;
import dev.packets.server.ServerMetrics;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A load run: {@code bots} bots spread over the nodes for {@code seconds}, then a summary of what the servers moved
 * (packets and bytes in and out a second, summed over the nodes this process runs), the bots' WhereIs round trips,
 * hand-offs a second, redirects followed, and errors (refusals other than an entity that left a bot's view, and
 * failures to connect).
 */
public final class Load {
  private Load() {}

  /** What a load run measured. */
  public record Summary(int bots, int seconds, double packetsPerSecond, double bytesPerSecond, long p50Micros,
      long p99Micros, long roundTrips, double handoffsPerSecond, long redirects, long chats, int errors,
      List<String> someErrors) {
    @Override
    public String toString() {
      return String.format("load: %d bots for %d s: %,.0f packets/s, %,.0f bytes/s (servers, in + out); "
          + "WhereIs round trip p50 %.2f ms, p99 %.2f ms (%,d); %.1f hand-offs/s; %d redirects followed; "
          + "%d chat lines received; %d errors%s", bots, seconds, packetsPerSecond, bytesPerSecond, p50Micros / 1000.0,
          p99Micros / 1000.0, roundTrips, handoffsPerSecond, redirects, chats, errors,
          someErrors.isEmpty() ? "" : " " + someErrors);
    }
  }

  public static Summary run(Game game, int bots, int seconds, long seed, Path trusted) throws Exception {
    Latencies latencies = new Latencies();
    List<Bot> running = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    long[] before = totals(game);
    long started = System.nanoTime();
    try {
      for (int i = 0; i < bots; i++) {
        String url = game.urls().get(i % game.urls().size());
        try {
          running.add(new Bot(URI.create(url), "bot-" + (i + 1), seed + i, trusted, latencies).start());
        } catch (Exception e) {
          errors.add("bot-" + (i + 1) + " could not join " + url + ": " + e);
        }
      }
      Thread.sleep(seconds * 1000L);
    } finally {
      running.forEach(Bot::close);
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    long[] after = totals(game);
    long redirects = 0;
    long chats = 0;
    for (Bot bot : running) {
      redirects += bot.redirects();
      chats += bot.chatFrom().values().stream().mapToLong(Long::longValue).sum();
      errors.addAll(bot.errors());
    }
    return new Summary(bots, seconds, (after[0] - before[0]) / elapsed, (after[1] - before[1]) / elapsed,
        latencies.percentile(50), latencies.percentile(99), latencies.size(), (after[2] - before[2]) / elapsed,
        redirects, chats, errors.size(), kinds(errors));
  }

  /** The five commonest errors, their ports and numbers blanked, with how many of each. */
  private static List<String> kinds(List<String> errors) {
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    for (String e : errors) {
      counts.merge(e.replaceAll("\\d+", "N"), 1L, Long::sum);
    }
    return counts.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
        .map(e -> e.getValue() + "× " + e.getKey()).toList();
  }

  /** Packets in + out, bytes in + out, hand-offs given, over the nodes this process runs. */
  private static long[] totals(Game game) {
    long[] out = new long[3];
    for (GameServer server : game.servers()) {
      ServerMetrics m = server.server().metrics();
      out[0] += m.packetsIn() + m.packetsOut();
      out[1] += m.bytesIn() + m.bytesOut();
      out[2] += server.node().handoffCounts()[0];
    }
    return out;
  }
}
