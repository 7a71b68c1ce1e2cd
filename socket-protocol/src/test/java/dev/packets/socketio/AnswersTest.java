package dev.packets.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswersTest {
  record Where(int entity) implements Request<Spot> {}

  record Spot(float x, float y) {}

  record Count() implements Request<Integer> {}

  record Names() implements Request<List<String>> {}

  interface Question<R> extends Request<R> {}

  interface Greeting extends Question<String> {}

  record Hello() implements Greeting {}

  record Plain() {}

  @Test
  void readsTheDeclaredType() {
    assertEquals(Spot.class, Answers.type(Where.class));
    assertEquals(Integer.class, Answers.type(Count.class));
    assertEquals(List.class, Answers.type(Names.class), "a parameterized answer is its raw class");
    assertEquals(String.class, Answers.type(Hello.class), "through interfaces");
    assertEquals(Object.class, Answers.type(Plain.class), "no declaration: anything");
  }

  @Test
  void convertsJsonNumbersThatFitExactly() {
    assertEquals(7, Answers.as(new Count(), 7L));
    assertEquals(7, Answers.as(new Count(), new BigDecimal("7.0")));
    assertNull(Answers.as(new Count(), null));
    PacketError e = assertThrows(PacketError.class, () -> Answers.as(new Count(), 1.5));
    assertEquals(502, e.code());
    assertEquals("Count was answered with Double 1.5, not the Integer it declares", e.reason());
    assertThrows(PacketError.class, () -> Answers.as(new Count(), 1L << 40));
  }

  @Test
  void checksPacketsAndJsonValues() {
    Spot spot = new Spot(1, 2);
    assertEquals(spot, Answers.as(new Where(1), spot));
    assertEquals(List.of("a"), Answers.as(new Names(), List.of("a")));
    assertTrue(Answers.conforms(Hello.class, "hi"));
    assertFalse(Answers.conforms(Hello.class, Map.of()));
    PacketError e = assertThrows(PacketError.class, () -> Answers.as(new Where(1), "somewhere"));
    assertEquals("Where was answered with String somewhere, not the Spot it declares", e.reason());
  }
}
