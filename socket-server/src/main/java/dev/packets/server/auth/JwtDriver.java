package dev.packets.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.packets.socketio.PacketError;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * JSON Web Tokens (nimbus-jose-jwt): signed with HS256 (a shared secret), RS256 or ES256 (public keys given, or a
 * JWKS document from a file or a URL, cached and fetched again when a token names a key it does not have);
 * unsigned tokens ({@code alg: none}) and other algorithms are refused. The token must carry {@code sub} and {@code
 * exp}; {@code iss} and {@code aud} are checked when set here, and the times with a clock skew (60 s by default).
 * The principal is the subject, with the roles of the {@code roles} claim (a list, or one string of names), all the
 * claims, and the expiry: the socket closes with {@code "token expired"} at the re-check after it, unless the
 * client re-authenticated with a fresh token.
 *
 * <pre>{@code
 * AuthDriver jwt = JwtDriver.builder().hmacSecret(secret).issuer("https://login.example").audience("game").build();
 * }</pre>
 */
public final class JwtDriver implements AuthDriver {
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final List<Credentials.Source> sources;
  private final String rolesClaim;
  private final Function<Principal, Object> clientData;

  private JwtDriver(Builder b) {
    if (b.keys == null) {
      throw new IllegalStateException("a JwtDriver needs a key: hmacSecret, publicKeys or jwks");
    }
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(b.algorithms, b.keys));
    JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
    if (b.issuer != null) {
      exact.issuer(b.issuer);
    }
    DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(
        b.audience == null ? null : Set.of(b.audience), exact.build(), Set.of("sub", "exp"), null);
    verifier.setMaxClockSkew((int) b.clockSkew.toSeconds());
    processor.setJWTClaimsSetVerifier(verifier);
    this.sources = b.sources;
    this.rolesClaim = b.rolesClaim;
    this.clientData = b.clientData;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "jwt";
  }

  @Override
  public Admission authenticate(Credentials credentials) throws PacketError {
    String token = Credentials.Source.first(sources, credentials);
    if (token == null) {
      return null;
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException e) {
      throw new PacketError(401, "malformed token");
    } catch (BadJOSEException e) {
      throw new PacketError(401, reason(e.getMessage()));
    } catch (JOSEException e) {
      throw new PacketError(401, "token cannot be verified: " + e.getMessage());
    }
    Principal principal = new Principal(claims.getSubject(), roles(claims.getClaim(rolesClaim)),
        claims.toJSONObject(), name(), claims.getExpirationTime().toInstant());
    return new Admission(principal, clientData.apply(principal));
  }

  /** nimbus' reasons, said for the client; never the token itself. */
  private static String reason(String message) {
    String m = String.valueOf(message);
    if (m.contains("Expired JWT")) {
      return "token expired";
    }
    if (m.contains("before use time")) {
      return "token not yet valid";
    }
    if (m.contains("aud claim")) {
      return "token not for this audience";
    }
    if (m.contains("iss claim")) {
      return "token from another issuer";
    }
    if (m.contains("Invalid signature")) {
      return "bad signature";
    }
    if (m.contains("no matching key")) {
      return "no key for this token's algorithm and key id";
    }
    if (m.contains("plain") || m.contains("Unsecured")) {
      return "unsigned tokens are refused";
    }
    if (m.contains("missing required claims")) {
      return "token without " + m.substring(m.indexOf('['));
    }
    return "token refused";
  }

  private static Set<String> roles(Object claim) {
    Set<String> roles = new HashSet<>();
    if (claim instanceof Collection<?> list) {
      list.forEach(r -> roles.add(String.valueOf(r)));
    } else if (claim instanceof String names) {
      for (String r : names.trim().split("\\s+")) {
        if (!r.isEmpty()) {
          roles.add(r);
        }
      }
    }
    return roles;
  }

  /** How a {@link JwtDriver} checks and reads its tokens. */
  public static final class Builder {
    private JWKSource<SecurityContext> keys;
    private Set<JWSAlgorithm> algorithms;
    private String issuer;
    private String audience;
    private Duration clockSkew = Duration.ofSeconds(60);
    private List<Credentials.Source> sources = List.of(Credentials.Source.auth("token"),
        Credentials.Source.header("Authorization"));
    private String rolesClaim = "roles";
    private Function<Principal, Object> clientData = p -> {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("id", p.id());
      data.put("roles", new ArrayList<>(p.roles()));
      return data;
    };

    private Builder() {}

    /** HS256 with a shared secret of at least 32 bytes. */
    public Builder hmacSecret(byte[] secret) {
      if (secret.length < 32) {
        throw new IllegalArgumentException("an HS256 secret needs at least 32 bytes, not " + secret.length);
      }
      keys = new ImmutableSecret<>(secret.clone());
      algorithms = Set.of(JWSAlgorithm.HS256);
      return this;
    }

    /** RS256 and ES256 with these public keys (JWKs, matched by their key id when tokens name one). */
    public Builder publicKeys(JWK... publicKeys) {
      List<JWK> list = new ArrayList<>();
      for (JWK k : publicKeys) {
        list.add(k.toPublicJWK());
      }
      keys = new ImmutableJWKSet<>(new JWKSet(list));
      algorithms = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
      return this;
    }

    /**
     * RS256 and ES256 with the keys of a JWKS document at {@code url}: cached five minutes, fetched again (at most
     * every 30 s) when a token names a key id it does not have.
     */
    public Builder jwks(URL url) {
      return jwks(url, Duration.ofMinutes(5), Duration.ofSeconds(30));
    }

    /** As {@link #jwks(URL)}, cached for {@code cache} and fetched again at most every {@code minRefresh}. */
    public Builder jwks(URL url, Duration cache, Duration minRefresh) {
      keys = JWKSourceBuilder.<SecurityContext>create(url).cache(cache.toMillis(), Duration.ofSeconds(15).toMillis())
          .rateLimited(minRefresh.toMillis()).refreshAheadCache(false).build();
      algorithms = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
      return this;
    }

    /** RS256 and ES256 with the keys of a JWKS file, read again (at most every second) for an unknown key id. */
    public Builder jwks(Path file) {
      keys = new FileKeys(file, Duration.ofSeconds(1));
      algorithms = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
      return this;
    }

    /** Tokens must carry this {@code iss}. */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    /** Tokens must name this audience in {@code aud}. */
    public Builder audience(String audience) {
      this.audience = audience;
      return this;
    }

    /** How far clocks may disagree on {@code exp} and {@code nbf} (default 60 s). */
    public Builder clockSkew(Duration skew) {
      this.clockSkew = skew;
      return this;
    }

    /**
     * Where the token is looked for, in order (default: the auth payload's {@code token}, then an {@code
     * Authorization: Bearer} header); a query parameter ({@code Source.query("token")}) for clients that can set
     * neither, or a cookie.
     */
    public Builder from(Credentials.Source... sources) {
      this.sources = List.of(sources);
      return this;
    }

    /** The claim holding the roles (default {@code roles}). */
    public Builder rolesClaim(String claim) {
      this.rolesClaim = claim;
      return this;
    }

    /** What the client receives as its session (default {@code {id, roles}}). */
    public Builder clientData(Function<Principal, Object> data) {
      this.clientData = data;
      return this;
    }

    public JwtDriver build() {
      return new JwtDriver(this);
    }
  }

  /** A JWKS file, read again for a key id it does not hold, at most every {@code every}. */
  private static final class FileKeys implements JWKSource<SecurityContext> {
    private final Path file;
    private final Duration every;
    private volatile JWKSet keys;
    private volatile Instant read = Instant.MIN;

    FileKeys(Path file, Duration every) {
      this.file = file;
      this.every = every;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
      JWKSet current = keys;
      List<JWK> found = current == null ? List.of() : selector.select(current);
      if (found.isEmpty() && Instant.now().isAfter(read.plus(every))) {
        synchronized (this) {
          try {
            keys = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
            read = Instant.now();
          } catch (IOException | ParseException e) {
            throw new KeySourceException("cannot read the JWKS file " + file + ": " + e.getMessage(), e);
          }
        }
        found = selector.select(keys);
      }
      return found;
    }
  }
}
