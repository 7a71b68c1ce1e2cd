package dev.packets.server.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/** Answers GET with a text its supplier makes at each request (JSON for {@code /health}), never cached. */
public final class TextServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient Supplier<String> body;
  private final String type;

  public TextServlet(Supplier<String> body, String type) {
    this.body = body;
    this.type = type;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setContentType(type);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(body.get());
  }
}
