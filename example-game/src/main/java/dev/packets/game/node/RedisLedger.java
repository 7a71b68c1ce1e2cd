package dev.packets.game.node;

import dev.packets.game.sim.EntityState;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link Ledger} of nodes in several processes: one Redis hash, field the entity's id, value its entry; every
 * change a Lua script, so each compare-and-set is atomic in Redis.
 */
public final class RedisLedger implements Ledger {
  /** KEYS[1] the hash; ARGV[1] the node, then id/entry pairs to write where missing. */
  private static final String OPEN = """
      for i = 2, #ARGV, 2 do redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1]) end
      local all = redis.call('HGETALL', KEYS[1])
      local prefix = ARGV[1] .. ';'
      local out = {}
      for i = 1, #all, 2 do
        local v = all[i + 1]
        if string.sub(v, 1, #prefix) == prefix and string.sub(v, -2) == ',1' then
          redis.call('HDEL', KEYS[1], all[i])
        else
          table.insert(out, all[i])
          if string.sub(v, 1, #prefix) == prefix then table.insert(out, v) else table.insert(out, '') end
        end
      end
      return out
      """;
  /** ARGV: triples of id, the prefix the entry must have, the new entry (empty: delete). Returns how many changed. */
  private static final String SWAP = """
      local n = 0
      for i = 1, #ARGV, 3 do
        local v = redis.call('HGET', KEYS[1], ARGV[i])
        if v and string.sub(v, 1, #ARGV[i + 1]) == ARGV[i + 1] then
          if ARGV[i + 2] == '' then redis.call('HDEL', KEYS[1], ARGV[i]) else redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 2]) end
          n = n + 1
        end
      end
      return n
      """;

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisAsyncCommands<String, String> redis;
  private final String key;

  /** The ledger of world {@code world} in the Redis at {@code uri}. */
  public RedisLedger(String uri, String world) {
    this.client = RedisClient.create(uri);
    client.setOptions(ClientOptions.builder()
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
    this.connection = client.connect();
    this.redis = connection.async();
    this.key = "packets-game:" + world + ":ledger";
  }

  @Override
  public CompletableFuture<Opened> open(String node, List<EntityState> seed) {
    List<String> args = new ArrayList<>();
    args.add(node);
    for (EntityState s : seed) {
      args.add(String.valueOf(s.id()));
      args.add(Ledger.entry(node, s));
    }
    return redis.<List<Object>>eval(OPEN, ScriptOutputType.MULTI, new String[] {key}, args.toArray(String[]::new))
        .toCompletableFuture().thenApply(out -> {
          List<EntityState> mine = new ArrayList<>();
          Set<Integer> ids = new HashSet<>();
          String prefix = node + ";";
          for (int i = 0; i + 1 < out.size(); i += 2) {
            int id = Integer.parseInt(String.valueOf(out.get(i)));
            ids.add(id);
            String value = String.valueOf(out.get(i + 1));
            if (value.startsWith(prefix)) {
              mine.add(EntityState.parse(id, value.substring(prefix.length())));
            }
          }
          return new Opened(mine, ids);
        });
  }

  private CompletableFuture<Long> swap(List<String> triples) {
    if (triples.isEmpty()) {
      return CompletableFuture.completedFuture(0L);
    }
    return redis.<Long>eval(SWAP, ScriptOutputType.INTEGER, new String[] {key}, triples.toArray(String[]::new))
        .toCompletableFuture();
  }

  @Override
  public CompletableFuture<Boolean> move(EntityState from, String owner, EntityState to, String newOwner) {
    return swap(List.of(String.valueOf(from.id()), Ledger.prefix(owner, from.generation()),
        Ledger.entry(newOwner, to))).thenApply(n -> n == 1);
  }

  @Override
  public CompletableFuture<Void> add(String node, EntityState player) {
    return redis.hset(key, String.valueOf(player.id()), Ledger.entry(node, player)).toCompletableFuture()
        .thenApply(ok -> null);
  }

  @Override
  public CompletableFuture<Void> remove(String node, int id) {
    return swap(List.of(String.valueOf(id), node + ";", "")).thenApply(n -> null);
  }

  @Override
  public CompletableFuture<Void> checkpoint(String node, List<EntityState> states) {
    List<String> triples = new ArrayList<>();
    for (EntityState s : states) {
      triples.add(String.valueOf(s.id()));
      triples.add(Ledger.prefix(node, s.generation()));
      triples.add(Ledger.entry(node, s));
    }
    return swap(triples).thenApply(n -> null);
  }

  @Override
  public CompletableFuture<Map<Integer, String>> owners() {
    return redis.hgetall(key).toCompletableFuture().thenApply(all -> {
      Map<Integer, String> out = new HashMap<>();
      all.forEach((id, value) -> out.put(Integer.parseInt(id), value.substring(0, value.indexOf(';'))));
      return out;
    });
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
