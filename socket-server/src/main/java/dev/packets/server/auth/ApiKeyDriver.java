package dev.packets.server.auth;

import dev.packets.socketio.PacketError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * API keys, each mapped to a principal and its roles. Only each key's SHA-256 is kept (an API key is random and
 * long, so a plain hash is enough: there is nothing to guess from a hash, nor a dictionary to run against it), so a
 * memory dump or a log holds no key; a presented key is hashed and compared with every stored hash in constant time.
 * A key revoked while its sockets are connected closes them at their next re-check ({@code "api key revoked"}).
 *
 * <pre>{@code
 * ApiKeyDriver keys = new ApiKeyDriver(Credentials.Source.header("X-Api-Key"), Credentials.Source.auth("apiKey"));
 * keys.add(System.getenv("BOT_KEY"), "bot-fleet", "bot");   // the key itself is not kept
 * }</pre>
 */
public final class ApiKeyDriver implements AuthDriver {
  private record Entry(byte[] hash, String id, Set<String> roles, String label) {}

  private final List<Credentials.Source> sources;
  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  /** Keys looked for at {@code sources}, in order (by default the auth payload's {@code apiKey}). */
  public ApiKeyDriver(Credentials.Source... sources) {
    this.sources = sources.length == 0 ? List.of(Credentials.Source.auth("apiKey")) : List.of(sources);
  }

  /** Admits {@code key} as {@code id} with {@code roles}; only the key's hash is kept. Returns its hash (hex). */
  public String add(String key, String id, String... roles) {
    byte[] hash = sha256(key);
    entries.add(new Entry(hash, id, Set.of(roles), HexFormat.of().formatHex(hash, 0, 4)));
    return HexFormat.of().formatHex(hash);
  }

  /** Admits the key whose SHA-256 is {@code hexHash} (keys kept hashed in configuration) as {@code id}. */
  public void addHashed(String hexHash, String id, String... roles) {
    byte[] hash = HexFormat.of().parseHex(hexHash);
    entries.add(new Entry(hash, id, Set.of(roles), HexFormat.of().formatHex(hash, 0, 4)));
  }

  /** Revokes {@code key}: it admits no one, and the sockets it admitted close at their next re-check. */
  public boolean revoke(String key) {
    byte[] hash = sha256(key);
    return entries.removeIf(e -> MessageDigest.isEqual(e.hash(), hash));
  }

  @Override
  public String name() {
    return "apikey";
  }

  @Override
  public Admission authenticate(Credentials credentials) throws PacketError {
    String key = Credentials.Source.first(sources, credentials);
    if (key == null) {
      return null;
    }
    Entry entry = find(sha256(key));
    if (entry == null) {
      throw new PacketError(401, "unknown api key");
    }
    Principal principal = new Principal(entry.id(), entry.roles(), Map.of("key", entry.label()), name(), null);
    return new Admission(principal, Map.of("id", entry.id(), "roles", List.copyOf(entry.roles())));
  }

  /** Compares with every entry, whatever matches first, so that the time taken says nothing of the stored keys. */
  private Entry find(byte[] hash) {
    Entry found = null;
    for (Entry e : entries) {
      if (MessageDigest.isEqual(e.hash(), hash) && found == null) {
        found = e;
      }
    }
    return found;
  }

  @Override
  public String recheck(Principal principal, Instant now) {
    for (Entry e : entries) {
      if (e.id().equals(principal.id()) && e.label().equals(principal.claims().get("key"))) {
        return null;
      }
    }
    return "api key revoked";
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
