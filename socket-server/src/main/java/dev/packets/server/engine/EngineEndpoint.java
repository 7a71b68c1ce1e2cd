package dev.packets.server.engine;

import io.socket.engineio.server.EngineIoServer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jakarta.websocket endpoint that feeds engine.io. Its configurator refuses permessage-deflate: compressing
 * every tiny frame costs about ten times the throughput (see shared FACTS).
 */
public final class EngineEndpoint extends Endpoint {
  private static final String HEADERS = "packets.headers";

  private final EngineIoServer engine;
  private final int maxMessageBytes;
  private JettyEngineSocket socket;

  EngineEndpoint(EngineIoServer engine, int maxMessageBytes) {
    this.engine = engine;
    this.maxMessageBytes = maxMessageBytes;
  }

  /** The endpoint's configuration at {@code path}, creating endpoints bound to {@code engine}. */
  public static ServerEndpointConfig config(String path, EngineIoServer engine, int maxMessageBytes) {
    return ServerEndpointConfig.Builder.create(EngineEndpoint.class, path)
        .configurator(new ServerEndpointConfig.Configurator() {
          @Override
          public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
            return List.of();
          }

          @Override
          public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            config.getUserProperties().put(HEADERS, new LinkedHashMap<>(request.getHeaders()));
          }

          @Override
          @SuppressWarnings("unchecked")
          public <T> T getEndpointInstance(Class<T> type) {
            return (T) new EngineEndpoint(engine, maxMessageBytes);
          }
        })
        .build();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void onOpen(Session session, EndpointConfig config) {
    session.setMaxTextMessageBufferSize(maxMessageBytes);
    session.setMaxBinaryMessageBufferSize(maxMessageBytes);
    Map<String, String> query = new LinkedHashMap<>();
    session.getRequestParameterMap().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
    Object headers = config.getUserProperties().get(HEADERS);
    socket = new JettyEngineSocket(session, query,
        headers instanceof Map<?, ?> h ? (Map<String, List<String>>) h : Map.of());
    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) socket::onText);
    session.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) socket::onBinary);
    engine.handleWebSocket(socket);
  }

  @Override
  public void onClose(Session session, CloseReason reason) {
    if (socket != null) {
      socket.onClose();
    }
  }

  @Override
  public void onError(Session session, Throwable error) {
    if (socket != null) {
      socket.onError(error);
    }
  }
}
