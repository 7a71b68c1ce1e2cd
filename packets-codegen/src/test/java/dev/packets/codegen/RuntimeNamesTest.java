package dev.packets.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor names packets-core's classes by string (it must not load them: it runs in the compiler, which may
 * not have them); every one of those names is a class that exists, of the kind the processor expects.
 */
class RuntimeNamesTest {
  @Test
  void everyRuntimeClassTheGeneratedCodeCallsExists() throws Exception {
    List<String> names = new ArrayList<>();
    for (Field f : Runtime.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == ClassName.class) {
        names.add(((ClassName) f.get(null)).reflectionName());
      }
    }
    for (WireType wire : WireType.values()) {
      names.add(wire.wireClass.reflectionName());
    }
    assertEquals(Runtime.class.getDeclaredFields().length, names.size() - WireType.values().length,
        "every field of Runtime is a ClassName");
    for (String name : names) {
      Class.forName(name); // throws when packets-core has no such class
    }
  }

  @Test
  void everyAnnotationTheProcessorReadsExistsAsAnAnnotation() throws Exception {
    List<String> names = new ArrayList<>(Annotations.READ);
    for (WireType wire : WireType.values()) {
      if (wire.annotation != null) {
        names.add(WireType.ANNOTATION_PACKAGE + "." + wire.annotation);
      }
    }
    for (String name : names) {
      assertTrue(Class.forName(name).isAnnotation(), name);
    }
  }

  @Test
  void everyWireClassHasTheTypeNameItsSchemaUses() throws Exception {
    for (WireType wire : WireType.values()) {
      assertEquals(wire.schemaName, Class.forName(wire.wireClass.reflectionName()).getField("TYPE").get(null),
          wire.name());
    }
  }
}
