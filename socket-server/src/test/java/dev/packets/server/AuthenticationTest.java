package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.server.TestPackets.Echo;
import dev.packets.server.auth.AnonymousDriver;
import dev.packets.server.auth.ApiKeyDriver;
import dev.packets.server.auth.AuthDriver;
import dev.packets.server.auth.Credentials;
import dev.packets.server.auth.JwtDriver;
import dev.packets.server.auth.Principal;
import dev.packets.socketio.PacketError;
import dev.packets.testing.Child;
import dev.packets.testing.External;
import dev.packets.testing.TcpProxy;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Authentication drivers, chained: JWT (HS256 and ES256, a JWKS URL with a key rotation, every kind of bad token,
 * each place a token may come from), API keys (right, wrong, revoked while connected), anonymous; the client data
 * each admission sends; re-checks that close an expired or revoked session with its reason; re-authentication that
 * keeps it. Every log line written meanwhile is captured, and none holds a key, a secret or a token.
 */
class AuthenticationTest {
  private static final byte[] SECRET = "a test secret of thirty-two bytes or more, not for production"
      .getBytes(StandardCharsets.UTF_8);
  private static final String API_KEY = "pk_test_6f1d0c2a9b8e7f3a1c5d4e2b0a9f8e7d";
  private static final List<String> SECRETS = new ArrayList<>(List.of(API_KEY,
      new String(SECRET, StandardCharsets.UTF_8)));
  private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

  @BeforeAll
  static void captureLogs() {
    LOG.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOG);
  }

  @AfterAll
  static void noSecretWasLogged() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOG);
    assertFalse(LOG.list.isEmpty(), "the log was captured");
    for (ILoggingEvent event : LOG.list) {
      String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
          : event.getThrowableProxy().getMessage());
      for (String secret : SECRETS) {
        assertFalse(line.contains(secret), "a secret in the log: " + line);
      }
    }
  }

  private static String token(String subject, Instant expires, Instant notBefore, String audience, byte[] secret)
      throws Exception {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer("https://login.test")
        .expirationTime(Date.from(expires)).claim("roles", List.of("player"));
    if (notBefore != null) {
      claims.notBeforeTime(Date.from(notBefore));
    }
    if (audience != null) {
      claims.audience(audience);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
        claims.build());
    jwt.sign(new MACSigner(secret));
    String token = jwt.serialize();
    SECRETS.add(token);
    return token;
  }

  private static String token(String subject, Instant expires) throws Exception {
    return token(subject, expires, null, "game", SECRET);
  }

  private static JwtDriver jwt() {
    return JwtDriver.builder().hmacSecret(SECRET).issuer("https://login.test").audience("game")
        .clockSkew(Duration.ZERO).build();
  }

  private static PacketClient connect(PacketServer server, Map<String, Object> auth) {
    return PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()), TestPackets.REGISTRY,
        ClientOptions.DEFAULT.withReconnect(false).withAuth(auth));
  }

  private static PacketError refused(PacketServer server, Map<String, Object> auth) {
    return assertThrows(PacketError.class, () -> connect(server, auth));
  }

  @Test
  void aValidTokenAdmitsItsSubjectWithItsRolesAndTheClientHearsItsSession() throws Exception {
    AtomicReference<Object> principal = new AtomicReference<>();
    try (PacketServer server = TestPackets.server().authenticate(jwt()).onConnect(s -> principal.set(s.principal()))
            .build().start();
        PacketClient client = connect(server, Map.of("token", token("ada", Instant.now().plusSeconds(600))))) {
      assertEquals(Map.of("id", "ada", "roles", List.of("player")), client.session());
      Principal ada = (Principal) principal.get();
      assertEquals("ada", ada.id());
      assertTrue(ada.hasRole("player"));
      assertEquals("jwt", ada.driver());
      assertEquals("https://login.test", ada.claims().get("iss"));
      assertEquals(new Echo("HI"), client.send(new Echo("hi")).get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void everyBadTokenIsRefusedSayingWhyAndByWhichDriver() throws Exception {
    Instant now = Instant.now();
    try (PacketServer server = TestPackets.server().authenticate(jwt()).build().start()) {
      assertEquals("jwt: token expired", refused(server, Map.of("token", token("ada", now.minusSeconds(5)))).reason());
      assertEquals("jwt: token not yet valid", refused(server, Map.of("token",
          token("ada", now.plusSeconds(600), now.plusSeconds(300), "game", SECRET))).reason());
      assertEquals("jwt: token not for this audience", refused(server, Map.of("token",
          token("ada", now.plusSeconds(600), null, "another-app", SECRET))).reason());
      JWTClaimsSet otherIssuer = new JWTClaimsSet.Builder().subject("ada").issuer("https://elsewhere.test")
          .audience("game").expirationTime(Date.from(now.plusSeconds(600))).build();
      SignedJWT foreign = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), otherIssuer);
      foreign.sign(new MACSigner(SECRET));
      SECRETS.add(foreign.serialize());
      assertEquals("jwt: token from another issuer", refused(server, Map.of("token", foreign.serialize())).reason());
      byte[] otherSecret = "another secret of thirty-two bytes, for nobody".getBytes(StandardCharsets.UTF_8);
      assertEquals("jwt: bad signature", refused(server, Map.of("token",
          token("ada", now.plusSeconds(600), null, "game", otherSecret))).reason());
      String unsigned = new PlainJWT(new JWTClaimsSet.Builder().subject("ada").issuer("https://login.test")
          .audience("game").expirationTime(Date.from(now.plusSeconds(600))).build()).serialize();
      assertEquals("jwt: unsigned tokens are refused", refused(server, Map.of("token", unsigned)).reason());
      assertEquals("jwt: malformed token", refused(server, Map.of("token", "not.a.token")).reason());
      PacketError none = refused(server, Map.of());
      assertEquals(401, none.code());
      assertEquals("no credentials that jwt recognise", none.reason());
    }
  }

  @Test
  void theTokenIsFoundWhereTheDriverIsToldToLook() throws Exception {
    String token = token("ada", Instant.now().plusSeconds(600));
    JwtDriver everywhere = JwtDriver.builder().hmacSecret(SECRET).audience("game").from(
        Credentials.Source.auth("token"), Credentials.Source.header("Authorization"),
        Credentials.Source.cookie("session"), Credentials.Source.query("token")).build();
    List<Credentials> places = List.of(
        new Credentials(Map.of("token", token), Map.of(), Map.of(), "127.0.0.1"),
        new Credentials(null, Map.of("authorization", List.of("Bearer " + token)), Map.of(), "127.0.0.1"),
        new Credentials(null, Map.of("Cookie", List.of("theme=dark; session=" + token)), Map.of(), "127.0.0.1"),
        new Credentials(null, Map.of(), Map.of("token", token), "127.0.0.1"));
    for (Credentials place : places) {
      assertEquals("ada", ((Principal) everywhere.authenticate(place).principal()).id(), place.toString().length()
          + " characters of credentials");
    }
    assertNull(everywhere.authenticate(new Credentials(Map.of("other", "x"), Map.of(), Map.of(), "127.0.0.1")),
        "no token: not this driver's to judge");
  }

  @Test
  void es256KeysComeFromAJwksUrlThatIsFetchedAgainForAnUnknownKeyId() throws Exception {
    ECKey first = new ECKeyGenerator(Curve.P_256).keyID("first").generate();
    ECKey second = new ECKeyGenerator(Curve.P_256).keyID("second").generate();
    try (JwksServer jwks = new JwksServer(first)) {
      JwtDriver driver = JwtDriver.builder().jwks(jwks.url(), Duration.ofMinutes(5), Duration.ofMillis(1)).build();
      assertEquals("ada", admit(driver, es256(first, "ada")).id());
      // the issuer rotates to a new key: a token naming it makes the driver fetch the document again
      jwks.publish(first, second);
      assertEquals("bob", admit(driver, es256(second, "bob")).id());
      ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("stranger").generate();
      PacketError unknown = assertThrows(PacketError.class, () -> admit(driver, es256(stranger, "eve")));
      assertEquals("no key for this token's algorithm and key id", unknown.reason());
    }
  }

  @Test
  void rs256KeysComeFromConfigurationOrAJwksFileReadAgainForAnUnknownKeyId(@TempDir Path dir) throws Exception {
    RSAKey configured = new RSAKeyGenerator(2048).keyID("configured").generate();
    assertEquals("ada", admit(JwtDriver.builder().publicKeys(configured).build(), rs256(configured, "ada")).id());

    RSAKey first = new RSAKeyGenerator(2048).keyID("first").generate();
    RSAKey second = new RSAKeyGenerator(2048).keyID("second").generate();
    Path file = dir.resolve("jwks.json");
    Files.writeString(file, new JWKSet(first.toPublicJWK()).toString());
    JwtDriver driver = JwtDriver.builder().jwks(file).build();
    assertEquals("ada", admit(driver, rs256(first, "ada")).id());
    Files.writeString(file, new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())).toString());
    Thread.sleep(1_100); // the file is read again at most every second
    assertEquals("bob", admit(driver, rs256(second, "bob")).id());
    // an RS256 token signed by a key the set does not hold, under a known key id: its signature fails
    String forged = rs256(new RSAKeyGenerator(2048).keyID("first").generate(), "eve");
    assertEquals("bad signature", assertThrows(PacketError.class, () -> admit(driver, forged)).reason());
  }

  private static String rs256(RSAKey key, String subject) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
        new JWTClaimsSet.Builder().subject(subject).expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static Principal admit(AuthDriver driver, String token) throws PacketError {
    return (Principal) driver.authenticate(new Credentials(Map.of("token", token), Map.of(), Map.of(), "127.0.0.1"))
        .principal();
  }

  private static String es256(ECKey key, String subject) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
        new JWTClaimsSet.Builder().subject(subject).expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  @Test
  void apiKeysAdmitTheirPrincipalRefuseAStrangerAndCloseWhenRevoked() throws Exception {
    ApiKeyDriver keys = new ApiKeyDriver();
    keys.add(API_KEY, "bot-fleet", "bot");
    try (PacketServer server = TestPackets.server().authenticate(keys).recheckEvery(Duration.ofMillis(50)).build()
            .start();
        PacketClient bot = connect(server, Map.of("apiKey", API_KEY))) {
      assertEquals(Map.of("id", "bot-fleet", "roles", List.of("bot")), bot.session());
      assertEquals("apikey: unknown api key", refused(server, Map.of("apiKey", API_KEY + "x")).reason());
      assertTrue(keys.revoke(API_KEY));
      for (int i = 0; i < 100 && bot.isConnected(); i++) {
        Thread.sleep(20);
      }
      assertFalse(bot.isConnected(), "a revoked key's socket is closed at the next re-check");
      assertEquals("api key revoked", bot.closeReason());
      assertEquals("apikey: unknown api key", refused(server, Map.of("apiKey", API_KEY)).reason());
    }
  }

  @Test
  void anExpiredTokenClosesItsSocketUnlessTheClientReauthenticatesInTime() throws Exception {
    try (PacketServer server = TestPackets.server().authenticate(jwt()).recheckEvery(Duration.ofMillis(50)).build()
            .start();
        PacketClient staying = connect(server, Map.of("token", token("ada", Instant.now().plusSeconds(2))));
        PacketClient leaving = connect(server, Map.of("token", token("bob", Instant.now().plusSeconds(2))))) {
      Object session = staying.reauthenticate(Map.of("token", token("ada", Instant.now().plusSeconds(600))))
          .get(5, TimeUnit.SECONDS);
      assertEquals(Map.of("id", "ada", "roles", List.of("player")), session);
      PacketError other = assertThrows(PacketError.class, () -> join(staying.reauthenticate(Map.of("token",
          token("mallory", Instant.now().plusSeconds(600))))));
      assertEquals(403, other.code());
      assertEquals("new credentials must be for ada", other.reason());
      PacketError bad = assertThrows(PacketError.class, () -> join(staying.reauthenticate(Map.of("token", "x.y.z"))));
      assertEquals("jwt: malformed token", bad.reason());

      for (int i = 0; i < 200 && leaving.isConnected(); i++) {
        Thread.sleep(20);
      }
      assertFalse(leaving.isConnected(), "the expired session is closed");
      assertEquals("token expired", leaving.closeReason());
      assertTrue(staying.isConnected(), "the re-authenticated one stays");
      assertEquals(new Echo("STILL"), staying.send(new Echo("still")).get(5, TimeUnit.SECONDS));
    }
  }

  private static Object join(java.util.concurrent.CompletableFuture<Object> future) throws Exception {
    try {
      return future.get(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  @Test
  void aSessionParkedPastItsTokensExpiryIsRecoveredAndThenClosedForIt() throws Exception {
    try (PacketServer server = TestPackets.server().recovery().authenticate(jwt()).recheckEvery(Duration.ofMillis(50))
            .build().start();
        TcpProxy proxy = new TcpProxy(server.port())) {
      PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + proxy.port()), TestPackets.REGISTRY,
          RecoveryTest.QUICK.withAuth(Map.of("token", token("ada", Instant.now().plusSeconds(2)))));
      try {
        proxy.refuse(true);
        proxy.cut();
        for (int i = 0; i < 200 && server.metrics().parked() == 0; i++) {
          Thread.sleep(20);
        }
        assertEquals(1, server.metrics().parked(), "parked");
        Thread.sleep(2_500); // the token expires while the session is parked: there is no connection to close
        assertEquals(1, server.metrics().parked(), "still parked, not closed");
        proxy.refuse(false);
        client.awaitConnected(Duration.ofSeconds(15));
        for (int i = 0; i < 200 && client.closeReason() == null; i++) {
          Thread.sleep(20);
        }
        assertEquals("token expired", client.closeReason(), "recovered as it was, then closed at the next re-check");
      } finally {
        client.close();
      }
    }
  }

  @Test
  void driversChainTheFirstThatRecognisesTheCredentialsDecides() throws Exception {
    ApiKeyDriver keys = new ApiKeyDriver();
    keys.add(API_KEY, "bot-fleet", "bot");
    try (PacketServer server = TestPackets.server().authenticate(keys).authenticate(jwt())
            .authenticate(new AnonymousDriver()).build().start();
        PacketClient bot = connect(server, Map.of("apiKey", API_KEY));
        PacketClient ada = connect(server, Map.of("token", token("ada", Instant.now().plusSeconds(600))));
        PacketClient nobody = connect(server, Map.of())) {
      assertEquals("bot-fleet", ((Map<?, ?>) bot.session()).get("id"));
      assertEquals("ada", ((Map<?, ?>) ada.session()).get("id"));
      assertTrue(String.valueOf(((Map<?, ?>) nobody.session()).get("id")).startsWith("anonymous-"));
      // a bad token is its driver's to refuse: it does not fall through to anonymous
      assertEquals("jwt: token expired", refused(server, Map.of("token",
          token("ada", Instant.now().minusSeconds(5)))).reason());
    }
  }

  @Test
  void packetsJsSeesItsSessionReauthenticatesAndHearsWhyItWasClosed() throws Exception {
    String node = External.tool("node", "install Node 18+ (apt-get install nodejs npm)");
    try (PacketServer server = TestPackets.server().authenticate(jwt()).recheckEvery(Duration.ofMillis(50)).build()
        .start()) {
      String out = Child.run(new File("src/test/node"), Duration.ofSeconds(60), node, "auth-client.mjs",
          String.valueOf(server.port()), token("ada", Instant.now().plusSeconds(3)),
          token("ada", Instant.now().plusSeconds(600)), token("bob", Instant.now().plusSeconds(3)));
      assertTrue(out.contains("session and re-authentication ok") && out.contains("packets-js auth ok"), out);
    }
  }
}
