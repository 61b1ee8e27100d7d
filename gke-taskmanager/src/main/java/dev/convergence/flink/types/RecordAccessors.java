package dev.convergence.flink.types;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Plain interface calls reading a record's components, for the per-record loops of the Parquet
 * writers and {@link RecordCodec}: a {@link ToLongFunction} for a {@code long} component (no
 * boxing), a {@link ToIntFunction} for an {@code int}, a {@link Function} for the rest. They are
 * generated once per record class with {@link LambdaMetafactory} in the record's own package and
 * class loader (so they go when the job's class loader goes), and kept in a {@link ClassValue}:
 * writers are built per part file, the accessors are not. Where a lambda cannot be generated (the
 * record's class loader or module does not allow it), a reflective accessor does the same.
 */
public final class RecordAccessors {

  private static final ClassValue<Object[]> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Object[] computeValue(Class<?> type) {
          return generate(type);
        }
      };

  private RecordAccessors() {}

  /**
   * One accessor per component of {@code type}, in component order: {@code ToLongFunction<T>} for
   * {@code long}, {@code ToIntFunction<T>} for {@code int}, else {@code Function<T, Object>}.
   */
  public static Object[] of(Class<? extends Record> type) {
    return ACCESSORS.get(type);
  }

  private static Object[] generate(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    RecordComponent[] components = type.getRecordComponents();
    MethodHandles.Lookup lookup;
    try {
      lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    } catch (IllegalAccessException | RuntimeException e) {
      lookup = null;
    }
    Object[] accessors = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      Method method = components[i].getAccessor();
      Object generated = lookup == null ? null : lambda(lookup, type, method);
      accessors[i] = generated != null ? generated : reflective(method);
    }
    return accessors;
  }

  /** The accessor as a generated lambda, or null when this JVM or class loader refuses it. */
  private static Object lambda(MethodHandles.Lookup lookup, Class<?> type, Method method) {
    Class<?> returns = method.getReturnType();
    Class<?> face;
    String name;
    MethodType erased;
    if (returns == long.class) {
      face = ToLongFunction.class;
      name = "applyAsLong";
      erased = MethodType.methodType(long.class, Object.class);
    } else if (returns == int.class) {
      face = ToIntFunction.class;
      name = "applyAsInt";
      erased = MethodType.methodType(int.class, Object.class);
    } else if (!returns.isPrimitive()) {
      face = Function.class;
      name = "apply";
      erased = MethodType.methodType(Object.class, Object.class);
    } else {
      return null;
    }
    try {
      MethodHandle getter = lookup.unreflect(method);
      CallSite site =
          LambdaMetafactory.metafactory(
              lookup,
              name,
              MethodType.methodType(face),
              erased,
              getter,
              MethodType.methodType(returns, type));
      return site.getTarget().invoke();
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError error) {
        throw error;
      }
      return null;
    }
  }

  /** The accessor through reflection: where a lambda cannot be generated. */
  static Object reflective(Method method) {
    method.setAccessible(true);
    Class<?> returns = method.getReturnType();
    if (returns == long.class) {
      return (ToLongFunction<Object>) record -> (Long) invoke(method, record);
    } else if (returns == int.class) {
      return (ToIntFunction<Object>) record -> (Integer) invoke(method, record);
    }
    return (Function<Object, Object>) record -> invoke(method, record);
  }

  private static Object invoke(Method method, Object record) {
    try {
      return method.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + method, e);
    }
  }
}
