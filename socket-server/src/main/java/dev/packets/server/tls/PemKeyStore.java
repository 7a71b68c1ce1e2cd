package dev.packets.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key store built in memory from PEM files: a certificate chain (the server's certificate first, as web servers
 * take it) and its private key in PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), RSA, EC or Ed25519. Older forms
 * (PKCS#1 {@code RSA PRIVATE KEY}, SEC1 {@code EC PRIVATE KEY}) and encrypted keys are refused with the openssl
 * command that converts them. A key that does not match the certificate is refused too.
 */
public final class PemKeyStore {
  private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
  private static final String ALIAS = "packets";

  private PemKeyStore() {}

  /** The key store and the password of its key entry. */
  public record Loaded(KeyStore store, String password) {}

  public static Loaded load(Path certificates, Path key) throws IOException, GeneralSecurityException {
    Certificate[] chain = CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(certificates))).toArray(new Certificate[0]);
    if (chain.length == 0) {
      throw new GeneralSecurityException(certificates + " holds no certificate");
    }
    PrivateKey privateKey = privateKey(Files.readString(key, StandardCharsets.US_ASCII), key);
    if (!matches(privateKey, chain[0])) {
      throw new GeneralSecurityException("the key in " + key + " does not belong to the first certificate in "
          + certificates);
    }
    String password = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(18));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(ALIAS, privateKey, password.toCharArray(), chain);
    return new Loaded(store, password);
  }

  private static PrivateKey privateKey(String pem, Path file) throws GeneralSecurityException {
    Matcher m = BLOCK.matcher(pem);
    while (m.find()) {
      String type = m.group(1);
      switch (type) {
        case "PRIVATE KEY" -> {
          byte[] der = Base64.getMimeDecoder().decode(m.group(2));
          for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
            try {
              return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
              // another algorithm's key
            }
          }
          throw new GeneralSecurityException(file + ": a PKCS#8 key of an algorithm other than RSA, EC or Ed25519");
        }
        case "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY" -> throw new GeneralSecurityException(file
            + " holds an " + type + "; convert it to an unencrypted PKCS#8 key: openssl pkcs8 -topk8 -nocrypt -in "
            + file.getFileName() + " -out key.pem");
        default -> {
          // a certificate or parameters beside the key: skipped
        }
      }
    }
    throw new GeneralSecurityException(file + " holds no -----BEGIN PRIVATE KEY----- block");
  }

  /** Whether {@code key} signs what {@code certificate}'s public key verifies. */
  private static boolean matches(PrivateKey key, Certificate certificate) throws GeneralSecurityException {
    String keyAlgorithm = family(key.getAlgorithm());
    if (!keyAlgorithm.equals(family(certificate.getPublicKey().getAlgorithm()))) {
      return false;
    }
    String algorithm = switch (keyAlgorithm) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "EdDSA" -> "Ed25519";
      default -> null;
    };
    if (algorithm == null) {
      return true; // RSASSA-PSS and the like: the handshake will tell
    }
    byte[] probe = "packets".getBytes(StandardCharsets.US_ASCII);
    Signature sign = Signature.getInstance(algorithm);
    sign.initSign(key);
    sign.update(probe);
    byte[] signature = sign.sign();
    Signature verify = Signature.getInstance(algorithm);
    verify.initVerify(certificate.getPublicKey());
    verify.update(probe);
    return verify.verify(signature);
  }

  private static String family(String algorithm) {
    return algorithm.equals("Ed25519") ? "EdDSA" : algorithm;
  }
}
