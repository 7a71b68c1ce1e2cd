package dev.packets.server.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a client presents when it connects: the Socket.IO auth payload, the handshake's headers, query parameters
 * and cookies, and its address.
 */
public record Credentials(Object auth, Map<String, List<String>> headers, Map<String, String> query, String address) {

  /** The first value of a header, by case-insensitive name, or null. */
  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  /** A query parameter, or null. */
  public String query(String name) {
    return query == null ? null : query.get(name);
  }

  /** A cookie of the {@code Cookie} header, or null. */
  public String cookie(String name) {
    String header = header("Cookie");
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
        return part.substring(eq + 1).trim();
      }
    }
    return null;
  }

  /** A string member of the auth payload (an object), or null. */
  public String auth(String key) {
    return auth instanceof Map<?, ?> map && map.get(key) instanceof String s ? s : null;
  }

  /** Where a driver finds its token: a member of the auth payload, a header, a cookie or a query parameter. */
  public record Source(Kind kind, String name) {
    /** The kinds of place. */
    public enum Kind { AUTH, HEADER, COOKIE, QUERY }

    public static Source auth(String key) {
      return new Source(Kind.AUTH, key);
    }

    /** A header; for {@code Authorization} a {@code Bearer } prefix is taken off. */
    public static Source header(String name) {
      return new Source(Kind.HEADER, name);
    }

    public static Source cookie(String name) {
      return new Source(Kind.COOKIE, name);
    }

    public static Source query(String name) {
      return new Source(Kind.QUERY, name);
    }

    /** The value at the first of {@code sources} that has one in {@code credentials}, or null. */
    public static String first(List<Source> sources, Credentials credentials) {
      for (Source source : sources) {
        String value = source.in(credentials);
        if (value != null) {
          return value;
        }
      }
      return null;
    }

    /** The value at this place in {@code credentials}, or null. */
    public String in(Credentials credentials) {
      String value = switch (kind) {
        case AUTH -> credentials.auth(name);
        case HEADER -> credentials.header(name);
        case COOKIE -> credentials.cookie(name);
        case QUERY -> credentials.query(name);
      };
      if (value != null && kind == Kind.HEADER && value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
        value = value.substring(7).trim();
      }
      return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public String toString() {
      return kind.name().toLowerCase(Locale.ROOT) + " " + name;
    }
  }
}
