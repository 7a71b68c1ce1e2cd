package dev.packets.server;

import dev.packets.server.auth.Admission;
import dev.packets.server.auth.AuthDriver;
import dev.packets.server.auth.Credentials;
import dev.packets.server.auth.Principal;
import dev.packets.socketio.PacketError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's authentication drivers, chained in the order given: the first that recognises a client's credentials
 * admits or refuses it, a refusal named by its driver ({@code 401 jwt: token expired}); a client that no driver
 * recognises is refused with the names of those that looked.
 */
final class Authentication {
  private final List<AuthDriver> drivers;

  Authentication(List<AuthDriver> drivers) {
    this.drivers = List.copyOf(drivers);
  }

  boolean isEmpty() {
    return drivers.isEmpty();
  }

  /** The admission of a client presenting {@code credentials}. */
  Admission admit(Credentials credentials) throws PacketError {
    for (AuthDriver driver : drivers) {
      Admission admission;
      try {
        admission = driver.authenticate(credentials);
      } catch (PacketError refused) {
        // a ready-made driver's refusal says which driver refused; an application's authenticator speaks for itself
        throw driver instanceof Custom ? refused : new PacketError(refused.code(), driver.name() + ": "
            + refused.reason());
      }
      if (admission != null) {
        return admission;
      }
    }
    List<String> names = new ArrayList<>();
    drivers.forEach(d -> names.add(d.name()));
    throw new PacketError(401, "no credentials that " + String.join(", ", names) + " recognise");
  }

  /** The admission of {@code socket}, presenting {@code auth} with its handshake's headers, query and address. */
  Admission admit(PacketSocket socket, Object auth) throws PacketError {
    return admit(new Credentials(auth, socket.headers(), socket.query(), socket.remoteAddress()));
  }

  /** Null while a socket's principal holds at {@code now}; else why it does not (its driver's reason). */
  String recheck(Object principal, Instant now) {
    if (!(principal instanceof Principal p)) {
      return null;
    }
    for (AuthDriver driver : drivers) {
      if (driver.name().equals(p.driver())) {
        return driver.recheck(p, now);
      }
    }
    return null;
  }

  /** A {@link Hooks.Authenticator} as a driver that decides every connect (the principal it returns, or none). */
  static AuthDriver of(Hooks.Authenticator authenticator) {
    return new Custom(authenticator);
  }

  /** An application's {@link Hooks.Authenticator}, which decides every client it sees. */
  private record Custom(Hooks.Authenticator authenticator) implements AuthDriver {
    @Override
    public String name() {
      return "authenticator";
    }

    @Override
    public Admission authenticate(Credentials credentials) throws PacketError {
      return new Admission(authenticator.authenticate(credentials.auth(), credentials.headers()), null);
    }
  }
}
