package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.Packet;
import dev.packets.PacketRegistry;
import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.socketio.PacketError;
import dev.packets.socketio.Request;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A packet declares its answer's type; the acceptor is held to it and the client gets it without a cast. */
class TypedAnswerTest {
  @Packet
  record Double(int n) implements Request<Integer> {}

  @Packet
  record Locate(int entity) implements Request<Spot> {}

  @Packet
  record Spot(int entity, float x) {}

  @Packet
  record Liar(int n) implements Request<Integer> {}

  static final PacketRegistry PACKETS = PacketRegistry.of(Double.class, Locate.class, Spot.class, Liar.class);

  @Test
  void requestsCompleteWithTheDeclaredType() throws Exception {
    try (PacketServer server = PacketServer.builder().port(0).packets(PACKETS)
        .answer(Double.class, (d, socket) -> d.n() * 2)
        .answerLater(Locate.class, (l, socket) -> CompletableFuture.completedFuture(new Spot(l.entity(), 1.5f)))
        .accept(Liar.class, Acceptor.responding((l, socket) -> "not a number"))
        .build().start();
        PacketClient client = PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()), PACKETS,
            ClientOptions.DEFAULT)) {
      int doubled = client.request(new Double(21)).get(10, TimeUnit.SECONDS);
      assertEquals(42, doubled);
      Spot spot = client.request(new Locate(7)).get(10, TimeUnit.SECONDS);
      assertEquals(new Spot(7, 1.5f), spot);

      ExecutionException e = assertThrows(ExecutionException.class,
          () -> client.request(new Liar(1)).get(10, TimeUnit.SECONDS));
      PacketError error = assertInstanceOf(PacketError.class, e.getCause());
      assertEquals(500, error.code(), "an acceptor that answers another type is the server's fault");
      assertTrue(error.reason().startsWith("internal error (id "), error.reason());
    }
  }
}
