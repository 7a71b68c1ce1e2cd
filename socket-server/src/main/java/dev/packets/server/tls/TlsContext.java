package dev.packets.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS: Jetty's {@link SslContextFactory.Server} with TLS 1.2 and 1.3 only (the JDK's and Jetty's
 * modern defaults for everything else), loaded from its files and reloaded, by a daemon thread that looks at them
 * every {@code check}, when they change; connections open at the time keep their session. A change that cannot be
 * read (a key written before its certificate, say) keeps the current certificate and is tried again at the next
 * change.
 */
public final class TlsContext implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TlsContext.class);

  /** Where the key and certificates come from. */
  public interface Source {
    PemKeyStore.Loaded load() throws Exception;

    /** The files to watch. */
    List<Path> files();

    /** A certificate chain and its PKCS#8 key, in PEM files. */
    static Source pem(Path certificates, Path key) {
      return new Source() {
        @Override
        public PemKeyStore.Loaded load() throws Exception {
          return PemKeyStore.load(certificates, key);
        }

        @Override
        public List<Path> files() {
          return List.of(certificates, key);
        }
      };
    }

    /** A PKCS#12 key store holding one key and its chain. */
    static Source pkcs12(Path keystore, char[] password) {
      char[] kept = password.clone();
      return new Source() {
        @Override
        public PemKeyStore.Loaded load() throws Exception {
          KeyStore store = KeyStore.getInstance("PKCS12");
          try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, kept);
          }
          return new PemKeyStore.Loaded(store, new String(kept));
        }

        @Override
        public List<Path> files() {
          return List.of(keystore);
        }
      };
    }
  }

  private final Source source;
  private final Duration check;
  private final SslContextFactory.Server factory = new SslContextFactory.Server();
  private ScheduledExecutorService watcher;
  private volatile List<Object> stamp;

  /** TLS from {@code source}, whose files will be looked at every {@code check}; nothing is read yet. */
  public TlsContext(Source source, Duration check) {
    this.source = source;
    this.check = check;
    factory.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    factory.setRenegotiationAllowed(false);
  }

  /** Loads the files, failing when they cannot be used, and starts watching them. */
  public synchronized void start() throws Exception {
    stamp = stamp();
    use(factory, source.load());
    watcher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "packets-tls-watch");
      t.setDaemon(true);
      return t;
    });
    watcher.scheduleWithFixedDelay(this::check, check.toMillis(), check.toMillis(), TimeUnit.MILLISECONDS);
  }

  public SslContextFactory.Server factory() {
    return factory;
  }

  /** Reloads when a file changed since the last look (its bytes' SHA-256: times can repeat within a second). */
  void check() {
    List<Object> now = stamp();
    if (now.equals(stamp)) {
      return;
    }
    stamp = now;
    try {
      PemKeyStore.Loaded loaded = source.load();
      factory.reload(f -> use((SslContextFactory.Server) f, loaded));
      LOG.info("TLS certificate reloaded from {}: {}", source.files(), subject(loaded.store()));
    } catch (Exception e) {
      LOG.warn("TLS files {} changed but cannot be used, the current certificate stays: {}", source.files(),
          e.getMessage());
    }
  }

  private static void use(SslContextFactory.Server factory, PemKeyStore.Loaded loaded) {
    factory.setKeyStore(loaded.store());
    factory.setKeyStorePassword(loaded.password());
    factory.setKeyManagerPassword(loaded.password());
  }

  private List<Object> stamp() {
    List<Object> stamp = new ArrayList<>();
    for (Path file : source.files()) {
      try {
        stamp.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
      } catch (IOException | NoSuchAlgorithmException e) {
        stamp.add("unreadable");
      }
    }
    return Collections.unmodifiableList(stamp);
  }

  private static String subject(KeyStore store) throws Exception {
    for (String alias : Collections.list(store.aliases())) {
      if (store.getCertificate(alias) instanceof X509Certificate c) {
        return c.getSubjectX500Principal().getName() + ", valid until " + c.getNotAfter().toInstant();
      }
    }
    return "?";
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.shutdownNow();
    }
  }
}
