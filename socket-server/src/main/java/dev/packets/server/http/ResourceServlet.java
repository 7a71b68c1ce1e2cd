package dev.packets.server.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/** Serves files from a class path folder: {@code /prefix/a.js} → {@code dir/a.js}; no listing, no "..". */
public final class ResourceServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final String dir;

  public ResourceServlet(String dir) {
    this.dir = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getPathInfo();
    if (path == null || path.equals("/")) {
      path = "/index.html";
    }
    if (path.contains("..") || path.contains("//")) {
      response.sendError(404);
      return;
    }
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(dir + path)) {
      if (in == null) {
        response.sendError(404);
        return;
      }
      response.setContentType(contentType(path));
      in.transferTo(response.getOutputStream());
    }
  }

  private static String contentType(String path) {
    if (path.endsWith(".js") || path.endsWith(".mjs")) {
      return "text/javascript; charset=utf-8";
    }
    if (path.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (path.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (path.endsWith(".json") || path.endsWith(".map")) {
      return "application/json";
    }
    return "application/octet-stream";
  }
}
