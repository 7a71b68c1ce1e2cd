package dev.packets.server;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A JWKS document served on loopback (the JDK's HTTP server), whose keys a test can rotate; counts its fetches. */
final class JwksServer implements AutoCloseable {
  private final HttpServer http;
  private final AtomicReference<String> published = new AtomicReference<>();
  private final AtomicInteger fetches = new AtomicInteger();

  JwksServer(JWK... keys) throws IOException {
    publish(keys);
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/jwks.json", exchange -> {
      fetches.incrementAndGet();
      byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    http.start();
  }

  /** Serves these keys' public halves from now on. */
  void publish(JWK... keys) {
    published.set(new JWKSet(List.of(keys).stream().map(JWK::toPublicJWK).toList()).toString());
  }

  URL url() throws MalformedURLException {
    return new URL("http://127.0.0.1:" + http.getAddress().getPort() + "/jwks.json");
  }

  int fetches() {
    return fetches.get();
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
