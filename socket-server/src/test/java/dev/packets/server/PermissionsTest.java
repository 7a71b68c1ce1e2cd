package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.packets.client.ClientOptions;
import dev.packets.client.PacketClient;
import dev.packets.server.TestPackets.Echo;
import dev.packets.server.TestPackets.Move;
import dev.packets.server.TestPackets.Ping;
import dev.packets.server.auth.ApiKeyDriver;
import dev.packets.socketio.PacketError;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Permissions declared once per packet type: roles, guards with their reasons (checked before validate), a server
 * that denies what it does not permit, and outbound guards that decide what each recipient of a push receives.
 */
class PermissionsTest {
  private static ApiKeyDriver keys() {
    ApiKeyDriver keys = new ApiKeyDriver();
    keys.add("key-of-a-moderator-0123456789abcdef", "mod", "moderator");
    keys.add("key-of-a-player-0123456789abcdefghij", "ada", "player");
    return keys;
  }

  private static PacketClient as(PacketServer server, String key) {
    return PacketClient.connect(URI.create("http://127.0.0.1:" + server.port()), TestPackets.REGISTRY,
        ClientOptions.DEFAULT.withReconnect(false).withAuth(Map.of("apiKey", key)));
  }

  private static PacketError refusal(PacketClient client, Object packet) throws Exception {
    ExecutionException e = assertThrows(ExecutionException.class, () -> client.send(packet).get(5, TimeUnit.SECONDS));
    return (PacketError) e.getCause();
  }

  @Test
  void rolesAndGuardsRefuseWith403AndTheirReasonBeforeValidate() throws Exception {
    try (PacketServer server = TestPackets.server().authenticate(keys())
            .requireRoles(Move.class, "moderator", "admin")
            .guard(Echo.class, (principal, echo, socket) -> echo.text().contains("spam") ? "no spam" : null)
            .build().start();
        PacketClient mod = as(server, "key-of-a-moderator-0123456789abcdef");
        PacketClient ada = as(server, "key-of-a-player-0123456789abcdefghij")) {
      assertEquals("moved 1 to 0,0", mod.send(new Move(1, 0, 0)).get(5, TimeUnit.SECONDS));
      PacketError denied = refusal(ada, new Move(1, 0, 0));
      assertEquals(403, denied.code());
      assertEquals("Move needs the role admin or moderator", denied.reason());
      // before validate: entity 0 would be 422 from validate, but the guard speaks first
      assertEquals(403, refusal(ada, new Move(0, 0, 0)).code());
      assertEquals(new Echo("HI"), ada.send(new Echo("hi")).get(5, TimeUnit.SECONDS));
      assertEquals("no spam", refusal(ada, new Echo("buy spam")).reason());
    }
  }

  @Test
  void aServerThatDeniesByDefaultRefusesPacketsWithoutARule() throws Exception {
    try (PacketServer server = TestPackets.server().plugin(Plugins.authentication(keys()))
            .plugin(Plugins.permissions(Map.of(Echo.class, List.of("player", "moderator")), true)).build().start();
        PacketClient ada = as(server, "key-of-a-player-0123456789abcdefghij")) {
      assertEquals(new Echo("OK"), ada.send(new Echo("ok")).get(5, TimeUnit.SECONDS));
      assertEquals("no permission rule for Move (this server denies what it does not permit)",
          refusal(ada, new Move(1, 0, 0)).reason());
    }
  }

  @Test
  void outboundGuardsDecideWhatEachRecipientReceives() throws Exception {
    // a broadcast of Echo: moderators get it as it is, players get it without its secret part, anonymous nobody
    try (PacketServer server = TestPackets.server().authenticate(keys())
            .guardOutbound(Echo.class, (principal, echo, socket) -> {
              if (!(principal instanceof dev.packets.server.auth.Principal p)) {
                return null;
              }
              return p.hasRole("moderator") ? echo : new Echo(echo.text().replaceAll("\\[.*\\]", "[hidden]"));
            })
            .accept(Ping.class, Acceptor.responding((ping, socket) -> {
              socket.server().broadcast(new Echo("hello [mod note]"));
              return "sent";
            }))
            .build().start();
        PacketClient mod = as(server, "key-of-a-moderator-0123456789abcdef");
        PacketClient ada = as(server, "key-of-a-player-0123456789abcdefghij")) {
      List<String> modGot = new CopyOnWriteArrayList<>();
      List<String> adaGot = new CopyOnWriteArrayList<>();
      mod.accept(Echo.class, echo -> {
        modGot.add(echo.text());
        return null;
      });
      ada.accept(Echo.class, echo -> {
        adaGot.add(echo.text());
        return null;
      });
      assertEquals("sent", ada.send(new Ping()).get(5, TimeUnit.SECONDS));
      for (int i = 0; i < 100 && (modGot.isEmpty() || adaGot.isEmpty()); i++) {
        Thread.sleep(20);
      }
      assertEquals(List.of("hello [mod note]"), modGot);
      assertEquals(List.of("hello [hidden]"), adaGot);
    }
  }
}
