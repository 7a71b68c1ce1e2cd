package dev.packets.client;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client artifact carries no server: its class path (compile and test) holds none of Jetty's server, the
 * Socket.IO server library, the intercom or Lettuce. {@code mvn dependency:tree -pl socket-client} shows the same.
 */
class NoServerPartsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "org.eclipse.jetty.server.Server",
      "io.socket.socketio.server.SocketIoServer",
      "io.socket.engineio.server.EngineIoServer",
      "dev.packets.intercom.Intercom",
      "io.lettuce.core.RedisClient",
      "dev.packets.server.PacketServer",
  })
  void isNotOnTheClassPath(String className) {
    assertThrows(ClassNotFoundException.class, () -> Class.forName(className));
  }
}
