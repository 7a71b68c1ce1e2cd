package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.packets.server.auth.Admission;
import dev.packets.server.auth.ApiKeyDriver;
import dev.packets.server.auth.AuthDriver;
import dev.packets.server.auth.Credentials;
import dev.packets.server.auth.JwtDriver;
import dev.packets.socketio.PacketError;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The authentication surface under attack: a flood of re-authentications (each would run the drivers), one
 * without an ack, one to a server that authenticates no one, and tokens naming unknown key ids to make the server
 * fetch its JWKS again and again.
 */
class HostileAuthTest {
  private static final String KEY = "key-of-a-flooding-client-0123456789";

  /** An API key driver that counts the credentials it judges. */
  private static final class Counting implements AuthDriver {
    final ApiKeyDriver keys = new ApiKeyDriver();
    final AtomicInteger judged = new AtomicInteger();

    Counting() {
      keys.add(KEY, "flooder", "player");
    }

    @Override
    public String name() {
      return keys.name();
    }

    @Override
    public Admission authenticate(Credentials credentials) throws PacketError {
      judged.incrementAndGet();
      return keys.authenticate(credentials);
    }
  }

  private static RawSocket admitted(PacketServer server) throws Exception {
    RawSocket raw = RawSocket.open(server.port());
    raw.expect("0{");
    raw.text("40{\"apiKey\":\"" + KEY + "\"}");
    raw.expect("40{");
    raw.expect("42[\"packets:ready\"");
    return raw;
  }

  @Test
  void aFloodOfReauthenticationsIsMeteredAndTheSocketGoesOn() throws Exception {
    Counting driver = new Counting();
    try (PacketServer server = TestPackets.server().authenticate(driver).build().start()) {
      RawSocket raw = admitted(server);
      int flood = 200;
      for (int i = 1; i <= flood; i++) {
        raw.text("42" + i + "[\"packets:reauthenticate\",{\"apiKey\":\"" + KEY + "\"}]");
      }
      int ok = 0;
      int refused = 0;
      for (int i = 0; i < flood; i++) {
        String ack = raw.expect("43");
        if (ack.contains("\"session\"")) {
          ok++;
        } else if (ack.contains("\"code\":429")) {
          refused++;
        }
      }
      assertEquals(flood, ok + refused, "every re-authentication is answered");
      assertTrue(refused >= flood / 2, refused + " refused of " + flood);
      assertTrue(ok <= 40, ok + " ran: each costs ten packets of the rate limit (burst 400)");
      assertEquals(1 + ok, driver.judged.get(), "the driver ran for the connect and each one let through only");
      raw.send("451-999[\"" + TestPackets.REGISTRY.id(TestPackets.Echo.class) + "\",{\"_placeholder\":true,\"num\":0}]",
          TestPackets.REGISTRY.encode(new TestPackets.Echo("still")));
      assertTrue(String.valueOf(raw.next()).startsWith("461-999["), "the socket goes on");
      raw.abort();
    }
  }

  @Test
  void aReauthenticationWithoutAnAckOrToAServerWithoutDriversIsRefused() throws Exception {
    Counting driver = new Counting();
    try (PacketServer server = TestPackets.server().authenticate(driver).build().start()) {
      RawSocket raw = admitted(server);
      long errors = server.metrics().protocolErrors();
      raw.text("42[\"packets:reauthenticate\",{\"apiKey\":\"" + KEY + "\"}]");
      for (int i = 0; i < 100 && server.metrics().protocolErrors() == errors; i++) {
        Thread.sleep(10);
      }
      assertEquals(errors + 1, server.metrics().protocolErrors(), "counted, not run");
      assertEquals(1, driver.judged.get());
      raw.abort();
    }
    try (PacketServer server = TestPackets.server().build().start()) {
      RawSocket raw = RawSocket.connected(server.port());
      raw.text("427[\"packets:reauthenticate\",{\"token\":\"x\"}]");
      String answer = raw.expect("437[{");
      assertTrue(answer.contains("\"code\":409") && answer.contains("\"reason\":\"this server authenticates no one\""),
          answer);
      raw.abort();
    }
  }

  @Test
  void tokensNamingUnknownKeysDoNotMakeTheServerFetchItsJwksEachTime() throws Exception {
    ECKey known = new ECKeyGenerator(Curve.P_256).keyID("known").generate();
    try (JwksServer jwks = new JwksServer(known)) {
      JwtDriver driver = JwtDriver.builder().jwks(jwks.url()).build();
      for (int i = 0; i < 50; i++) {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("stranger-" + i).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(stranger.getKeyID()).build(),
            new JWTClaimsSet.Builder().subject("eve").expirationTime(Date.from(Instant.now().plusSeconds(60))).build());
        jwt.sign(new ECDSASigner(stranger));
        Credentials credentials = new Credentials(Map.of("token", jwt.serialize()), Map.of(), Map.of(), "127.0.0.1");
        assertThrows(PacketError.class, () -> driver.authenticate(credentials));
      }
      assertTrue(jwks.fetches() <= 2, jwks.fetches() + " fetches for 50 unknown key ids: at most one refresh in 30 s");
    }
  }
}
