package dev.packets.socketio;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.math.BigInteger;

/** The answer type a {@link Request} declares, and answers checked and converted to it. */
public final class Answers {
  private static final ClassValue<Class<?>> TYPES = new ClassValue<>() {
    @Override
    protected Class<?> computeValue(Class<?> type) {
      Class<?> found = declared(type);
      return found == null ? Object.class : found;
    }
  };

  private Answers() {}

  /** The {@code R} of {@code Request<R>} that {@code request} implements (directly or through an interface). */
  public static Class<?> type(Class<?> request) {
    return TYPES.get(request);
  }

  private static Class<?> declared(Class<?> type) {
    Type answer = answer(type);
    return answer == null ? null : answer instanceof Class<?> c ? c
        : answer instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw ? raw : Object.class;
  }

  /** The type argument of {@code Request} as {@code type} sees it, following interfaces and their type variables. */
  private static Type answer(Class<?> type) {
    for (Type implemented : type.getGenericInterfaces()) {
      if (implemented instanceof ParameterizedType p && p.getRawType() == Request.class) {
        return p.getActualTypeArguments()[0];
      }
      Class<?> raw = implemented instanceof Class<?> c ? c
          : implemented instanceof ParameterizedType p && p.getRawType() instanceof Class<?> r ? r : null;
      Type inherited = raw == null ? null : answer(raw);
      if (inherited instanceof TypeVariable<?> variable && implemented instanceof ParameterizedType p) {
        TypeVariable<?>[] variables = raw.getTypeParameters();
        for (int i = 0; i < variables.length; i++) {
          if (variables[i].getName().equals(variable.getName())) {
            return p.getActualTypeArguments()[i];
          }
        }
      }
      if (inherited != null) {
        return inherited;
      }
    }
    return null;
  }

  /**
   * {@code value} as an {@code R} of {@code request}: itself when it is one, a JSON number converted when it fits
   * exactly ({@code 7} for an {@code Integer}, any number for a {@code Double}), null as null.
   *
   * @throws PacketError 502 naming the packet, the value and the declared type when it is not one
   */
  @SuppressWarnings("unchecked")
  public static <R> R as(Request<R> request, Object value) {
    Class<?> type = type(request.getClass());
    Object converted = convert(type, value);
    if (converted == NOT) {
      throw new PacketError(502, request.getClass().getSimpleName() + " was answered with " + describe(value)
          + ", not the " + type.getSimpleName() + " it declares");
    }
    return (R) converted;
  }

  /** Whether {@code value} is (or converts exactly to) the answer {@code request} declares. */
  public static boolean conforms(Class<?> request, Object value) {
    return convert(type(request), value) != NOT;
  }

  private static final Object NOT = new Object();

  private static Object convert(Class<?> type, Object value) {
    if (value == null || type.isInstance(value)) {
      return value;
    }
    if (!(value instanceof Number n)) {
      return NOT;
    }
    if (type == Double.class) {
      return n.doubleValue();
    }
    if (type == Float.class) {
      return n.floatValue();
    }
    BigInteger integer;
    try {
      integer = n instanceof BigInteger b ? b : new BigDecimal(n.toString()).toBigIntegerExact();
    } catch (ArithmeticException | NumberFormatException notIntegral) {
      return NOT;
    }
    try {
      if (type == Long.class) {
        return integer.longValueExact();
      }
      if (type == Integer.class) {
        return integer.intValueExact();
      }
      if (type == Short.class) {
        return integer.shortValueExact();
      }
      if (type == Byte.class) {
        return integer.byteValueExact();
      }
      if (type == BigInteger.class) {
        return integer;
      }
    } catch (ArithmeticException outOfRange) {
      return NOT;
    }
    return NOT;
  }

  private static String describe(Object value) {
    String text = String.valueOf(value);
    return value.getClass().getSimpleName() + " " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
  }
}
