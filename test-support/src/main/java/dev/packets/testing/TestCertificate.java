package dev.packets.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;

/**
 * A self-signed certificate for 127.0.0.1 and localhost made at test time by the JDK's keytool (EC P-256, valid two
 * days), as a PKCS#12 key store and as the PEM pair a server is given: the certificate and its PKCS#8 key.
 *
 * @param keystore the PKCS#12 key store
 * @param password its password
 * @param certificatePem the certificate, PEM
 * @param keyPem the private key, PKCS#8 PEM
 * @param certificate the certificate itself
 */
public record TestCertificate(Path keystore, char[] password, Path certificatePem, Path keyPem,
    X509Certificate certificate) {

  /** Makes one named {@code name} (its CN) in {@code dir}. */
  public static TestCertificate make(Path dir, String name) {
    char[] password = ("test-" + name).toCharArray();
    Path keystore = dir.resolve(name + ".p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Child.run(dir.toFile(), Duration.ofSeconds(60), keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
        "-groupname", "secp256r1", "-dname", "CN=" + name, "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
        "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", new String(password), "-keypass",
        new String(password));
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      X509Certificate certificate = (X509Certificate) store.getCertificate("server");
      PrivateKey key = (PrivateKey) store.getKey("server", password);
      Path certificatePem = dir.resolve(name + ".crt");
      Path keyPem = dir.resolve(name + ".key");
      Files.writeString(certificatePem, pem("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
      Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
      return new TestCertificate(keystore, password, certificatePem, keyPem, certificate);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The base64 SHA-256 of the certificate's public key, what Chromium's {@code
   * --ignore-certificate-errors-spki-list} takes to trust it.
   */
  public String spki() {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
          .digest(certificate.getPublicKey().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
