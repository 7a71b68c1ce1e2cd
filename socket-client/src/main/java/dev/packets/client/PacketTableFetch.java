package dev.packets.client;

import dev.packets.socketio.JsonBridge;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import org.json.JSONObject;

/** Reads a server's packet table, {@code GET /packets/schema.json}, as JSON-like values; 5 s at most. */
final class PacketTableFetch {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** A table larger than this is no packet table. */
  private static final int MAX_BYTES = 4 << 20;

  private PacketTableFetch() {}

  /** The table of {@code server}, over TLS with {@code tls} when not null. */
  static CompletableFuture<Map<?, ?>> of(URI server, SSLContext tls) {
    URI table = URI.create(server.toString().replaceAll("/+$", "") + "/packets/schema.json");
    HttpRequest request = HttpRequest.newBuilder(table).timeout(Duration.ofSeconds(5)).GET().build();
    HttpClient http = tls == null ? HTTP
        : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(tls).build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
      if (response.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + response.statusCode());
      }
      if (response.body().length() > MAX_BYTES) {
        throw new IllegalStateException("a table of " + response.body().length() + " characters");
      }
      Object value = JsonBridge.toJava(new JSONObject(response.body()), 0);
      if (!(value instanceof Map<?, ?> map)) {
        throw new IllegalStateException("not a table");
      }
      return map;
    });
  }
}
