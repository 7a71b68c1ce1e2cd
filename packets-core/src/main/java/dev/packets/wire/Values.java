package dev.packets.wire;

import dev.packets.EncodeException;
import dev.packets.HydrationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Shared checks for the wire types: JSON-like numbers in hydration, nulls and ranges in encoding. */
public final class Values {
  private Values() {}

  /** Fails with "is null; a T is required" when {@code value} is null; returns it otherwise. */
  public static <T> T required(T value, String path, String wireType) {
    if (value == null) {
      throw new EncodeException(path, "is null; " + article(wireType) + " is required");
    }
    return value;
  }

  /** "an int32", "a uint8", "an object". */
  static String article(String noun) {
    return ("aeio".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  /** Describes a value in an error message: strings quoted, byte arrays by length, long values cut. */
  public static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
      return "\"" + cut + "\"" + (s.length() > 40 ? " (" + s.length() + " chars)" : "");
    }
    if (value instanceof byte[] b) {
      return "byte[" + b.length + "]";
    }
    if (value instanceof Map<?, ?> m) {
      return "an object of " + m.size() + " field(s)";
    }
    if (value instanceof List<?> l) {
      return "a list of " + l.size() + " item(s)";
    }
    String text = String.valueOf(value);
    return text.length() > 40 ? text.substring(0, 40) + "… (" + text.length() + " chars)" : text;
  }

  static EncodeException outOfRange(long value, String path, String wireType, String range) {
    return new EncodeException(path, value + " is out of range for " + wireType + " (" + range + ")");
  }

  /** A hydrated JSON-like number that must be an integer in {@code min..max}. */
  static long integral(Object value, String path, String wireType, long min, long max) {
    if (value == null) {
      throw new HydrationException(path, "is missing; " + article(wireType) + " is required");
    }
    long result;
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      result = ((Number) value).longValue();
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (d != Math.rint(d) || Double.isInfinite(d)) {
        throw new HydrationException(path, describe(value) + " is not an integer (" + wireType + ")");
      }
      if (d < min || d > max) {
        throw new HydrationException(path, describe(value) + " is out of range for " + wireType + " (" + min + ".." + max + ")");
      }
      result = (long) d;
    } else if (value instanceof BigInteger || value instanceof BigDecimal) {
      BigDecimal d = value instanceof BigInteger bi ? new BigDecimal(bi) : (BigDecimal) value;
      // the magnitude first, from precision and scale alone: 1e3000000 would otherwise become a BigInteger of three
      // million digits (seconds of CPU for one 40-byte JSON number)
      long integerDigits = (long) d.precision() - d.scale();
      if (d.signum() != 0 && integerDigits > 19) {
        throw new HydrationException(path, describe(value) + " is out of range for " + wireType + " (" + min + ".." + max + ")");
      }
      if (d.precision() > 64) {
        throw new HydrationException(path, describe(value) + " has more than 64 digits (" + wireType + ")");
      }
      if (d.signum() != 0 && (integerDigits <= 0 || d.stripTrailingZeros().scale() > 0)) {
        throw new HydrationException(path, describe(value) + " is not an integer (" + wireType + ")");
      }
      if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
        throw new HydrationException(path, describe(value) + " is out of range for " + wireType + " (" + min + ".." + max + ")");
      }
      result = d.longValueExact();
    } else if (value instanceof Character c) {
      result = c;
    } else {
      throw new HydrationException(path, describe(value) + " is not a number (" + wireType + ")");
    }
    if (result < min || result > max) {
      throw new HydrationException(path, result + " is out of range for " + wireType + " (" + min + ".." + max + ")");
    }
    return result;
  }

  /** A hydrated JSON-like number, any value. */
  static double real(Object value, String path, String wireType) {
    if (value == null) {
      throw new HydrationException(path, "is missing; " + article(wireType) + " is required");
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new HydrationException(path, describe(value) + " is not a number (" + wireType + ")");
  }

}
