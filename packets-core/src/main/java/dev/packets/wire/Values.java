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

  /** "an int32", "a uint8", "an object", "an Action". */
  static String article(String noun) {
    return ("aeioAEIO".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
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
      if (Math.abs(d) >= 0x1p53) {
        // past 2^53 a double's long conversion saturates (2^63 would become 2^63-1): compare exactly
        result = exact(new BigDecimal(d), value, path, wireType, BigDecimal.valueOf(min), BigDecimal.valueOf(max),
            min + ".." + max).longValueExact();
      } else if (d < min || d > max) {
        throw new HydrationException(path, describe(value) + " is out of range for " + wireType + " (" + min + ".." + max + ")");
      } else {
        result = (long) d;
      }
    } else if (value instanceof BigInteger || value instanceof BigDecimal) {
      result = exact(value, value, path, wireType, BigDecimal.valueOf(min), BigDecimal.valueOf(max), min + ".." + max)
          .longValueExact();
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

  private static final BigDecimal UNSIGNED64_MAX = new BigDecimal("18446744073709551615");

  /**
   * A hydrated JSON-like number that must be an integer in 0..2^64-1, returned as the 64 bits of a {@code long} read
   * as unsigned ({@code 2^64-1} is {@code -1L}), as {@code uint64} and {@code varuint64} carry it.
   */
  static long unsigned64(Object value, String path, String wireType) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      long v = ((Number) value).longValue();
      if (v < 0) {
        throw new HydrationException(path, v + " is out of range for " + wireType + " (0.." + UNSIGNED64_MAX + ")");
      }
      return v;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (d != Math.rint(d) || Double.isInfinite(d)) {
        throw new HydrationException(path, describe(value) + " is not an integer (" + wireType + ")");
      }
      return exact(new BigDecimal(d), value, path, wireType, BigDecimal.ZERO, UNSIGNED64_MAX, "0.." + UNSIGNED64_MAX)
          .toBigInteger().longValue();
    }
    if (value instanceof BigInteger || value instanceof BigDecimal) {
      return exact(value, value, path, wireType, BigDecimal.ZERO, UNSIGNED64_MAX, "0.." + UNSIGNED64_MAX)
          .toBigInteger().longValue();
    }
    if (value == null) {
      throw new HydrationException(path, "is missing; " + article(wireType) + " is required");
    }
    throw new HydrationException(path, describe(value) + " is not a number (" + wireType + ")");
  }

  /** The bits of an unsigned 64-bit value as a JSON-like number: a {@code Long} up to 2^63-1, a BigInteger above. */
  public static Object unsigned64(long bits) {
    return bits >= 0 ? (Object) bits : new BigInteger(Long.toUnsignedString(bits));
  }

  /**
   * A big number that must be an integer in {@code min..max}, checked by its magnitude before any arithmetic;
   * messages show {@code shown}, the value as it came.
   */
  private static BigDecimal exact(Object number, Object shown, String path, String wireType, BigDecimal min, BigDecimal max,
      String range) {
    BigDecimal d = number instanceof BigInteger bi ? new BigDecimal(bi) : (BigDecimal) number;
    // the magnitude first, from precision and scale alone: 1e3000000 would otherwise become a BigInteger of three
    // million digits (seconds of CPU for one 40-byte JSON number)
    long integerDigits = (long) d.precision() - d.scale();
    if (d.signum() != 0 && integerDigits > 20) {
      throw new HydrationException(path, describe(shown) + " is out of range for " + wireType + " (" + range + ")");
    }
    if (d.precision() > 64) {
      throw new HydrationException(path, describe(shown) + " has more than 64 digits (" + wireType + ")");
    }
    if (d.signum() != 0 && (integerDigits <= 0 || d.stripTrailingZeros().scale() > 0)) {
      throw new HydrationException(path, describe(shown) + " is not an integer (" + wireType + ")");
    }
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new HydrationException(path, describe(shown) + " is out of range for " + wireType + " (" + range + ")");
    }
    return d;
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
