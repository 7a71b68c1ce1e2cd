package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.server.TestPackets.Echo;
import dev.packets.socketio.PacketError;
import dev.packets.testing.Child;
import dev.packets.testing.External;
import dev.packets.testing.TestCertificate;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https and wss served by the server itself: the Java client and packets-js connect over wss, an untrusted
 * certificate is refused, only TLS 1.2 and 1.3 are spoken, and new certificate files are taken up without dropping
 * the connections open on the old ones. Certificates are made at test time by keytool.
 */
class TlsTest {
  @TempDir
  static Path dir;
  static TestCertificate first;
  static TestCertificate second;

  @BeforeAll
  static void certificates() {
    first = TestCertificate.make(dir, "first");
    second = TestCertificate.make(dir, "second");
  }

  private static URI uri(PacketServer server) {
    return URI.create("https://127.0.0.1:" + server.port());
  }

  private static Object echo(PacketClient client, String text) throws Exception {
    return client.send(new Echo(text)).get(5, TimeUnit.SECONDS);
  }

  /** The certificate the server presents to a new TLS connection that trusts {@code trusted}. */
  private static X509Certificate presented(PacketServer server, TestCertificate... trusted) throws Exception {
    try (SSLSocket socket = (SSLSocket) context(trusted).getSocketFactory().createSocket("127.0.0.1", server.port())) {
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }

  private static SSLContext context(TestCertificate... trusted) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    for (TestCertificate c : trusted) {
      store.setCertificateEntry(c.certificate().getSubjectX500Principal().getName(), c.certificate());
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  @Test
  void theJavaClientSpeaksOverWssAndHttpsServesTheRest() throws Exception {
    try (PacketServer server = TestPackets.server().tls(first.certificatePem(), first.keyPem()).build().start();
        PacketClient client = PacketClient.connect(uri(server), TestPackets.REGISTRY,
            ClientOptions.DEFAULT.withTrustedCertificates(first.certificatePem()))) {
      assertEquals(new Echo("OVER TLS"), echo(client, "over tls"));
      HttpResponse<String> health = HttpClient.newBuilder().sslContext(context(first)).build().send(
          HttpRequest.newBuilder(URI.create(uri(server) + "/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      assertEquals("CN=first", presented(server, first).getSubjectX500Principal().getName());
    }
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateDoesNotConnect() {
    try (PacketServer server = TestPackets.server().tls(first.certificatePem(), first.keyPem()).build().start()) {
      PacketError refused = assertThrows(PacketError.class, () -> PacketClient.connect(uri(server),
          TestPackets.REGISTRY, ClientOptions.DEFAULT.withReconnect(false)
              .withTrustedCertificates(second.certificatePem())));
      assertEquals(503, refused.code());
      assertTrue(refused.reason().contains("PKIX path building failed"), refused.reason());
      assertThrows(javax.net.ssl.SSLHandshakeException.class, () -> presented(server, second));
    }
  }

  @Test
  void onlyTls12And13AreSpoken() throws Exception {
    try (PacketServer server = TestPackets.server().tls(first.certificatePem(), first.keyPem()).build().start()) {
      for (String protocol : new String[] {"TLSv1.2", "TLSv1.3"}) {
        try (SSLSocket socket = (SSLSocket) context(first).getSocketFactory().createSocket("127.0.0.1",
            server.port())) {
          socket.setEnabledProtocols(new String[] {protocol});
          socket.startHandshake();
          assertEquals(protocol, socket.getSession().getProtocol());
        }
      }
    }
  }

  @Test
  void aPkcs12KeyStoreServesToo() throws Exception {
    try (PacketServer server = TestPackets.server().tlsPkcs12(first.keystore(), first.password()).build().start()) {
      assertEquals("CN=first", presented(server, first).getSubjectX500Principal().getName());
    }
  }

  @Test
  void newCertificateFilesAreTakenUpWithoutDroppingOpenConnections(@TempDir Path live) throws Exception {
    Path crt = live.resolve("server.crt");
    Path key = live.resolve("server.key");
    Files.copy(first.certificatePem(), crt);
    Files.copy(first.keyPem(), key);
    Path both = live.resolve("both.crt");
    Files.writeString(both, Files.readString(first.certificatePem()) + Files.readString(second.certificatePem()));
    try (PacketServer server = TestPackets.server()
            .tls(ServerConfig.Tls.pem(crt, key).withReloadCheck(Duration.ofMillis(50))).build().start();
        PacketClient before = PacketClient.connect(uri(server), TestPackets.REGISTRY,
            ClientOptions.DEFAULT.withTrustedCertificates(both))) {
      assertEquals(new Echo("A"), echo(before, "a"));

      // half a change (the new certificate, the old key) cannot be used: the current certificate stays
      Files.copy(second.certificatePem(), crt, StandardCopyOption.REPLACE_EXISTING);
      Thread.sleep(300);
      assertEquals("CN=first", presented(server, first, second).getSubjectX500Principal().getName());

      Files.copy(second.keyPem(), key, StandardCopyOption.REPLACE_EXISTING);
      String now = "";
      for (int i = 0; i < 100 && !now.equals("CN=second"); i++) {
        Thread.sleep(50);
        now = presented(server, first, second).getSubjectX500Principal().getName();
      }
      assertEquals("CN=second", now, "the new certificate is served");
      assertTrue(before.isConnected(), "the connection made on the old certificate stays");
      assertEquals(new Echo("B"), echo(before, "b"));
      try (PacketClient after = PacketClient.connect(uri(server), TestPackets.REGISTRY,
          ClientOptions.DEFAULT.withTrustedCertificates(second.certificatePem()))) {
        assertEquals(new Echo("C"), echo(after, "c"));
      }
    }
  }

  @Test
  void keysThatCannotBeUsedFailTheStartSayingWhy(@TempDir Path bad) throws Exception {
    Path pkcs1 = bad.resolve("rsa.key");
    Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n"
        + "-----END RSA PRIVATE KEY-----\n");
    IllegalStateException old = assertThrows(IllegalStateException.class,
        () -> TestPackets.server().tls(first.certificatePem(), pkcs1).build().start());
    assertTrue(old.getMessage().contains("RSA PRIVATE KEY; convert it to an unencrypted PKCS#8 key: openssl pkcs8"),
        old.getMessage());
    IllegalStateException mismatch = assertThrows(IllegalStateException.class,
        () -> TestPackets.server().tls(first.certificatePem(), second.keyPem()).build().start());
    assertTrue(mismatch.getMessage().contains("does not belong to the first certificate"), mismatch.getMessage());
  }

  @Test
  void packetsJsSpeaksOverWssTrustingTheCertificate() throws Exception {
    String node = External.tool("node", "install Node 18+ (apt-get install nodejs npm)");
    try (PacketServer server = TestPackets.server().tls(first.certificatePem(), first.keyPem()).build().start()) {
      String out = Child.run(new File("src/test/node"),
          Map.of("NODE_EXTRA_CA_CERTS", first.certificatePem().toString()), Duration.ofSeconds(60), node,
          "tls-client.mjs", String.valueOf(server.port()));
      assertTrue(out.contains("packets-js over wss ok"), out);
    }
  }
}
