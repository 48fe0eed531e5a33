package org.portpass.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Serves the web application at {@code /} of the HTTP port, beside the REST API at {@code /api/v1}:
 * the page itself ({@code /}, revalidated on every visit) and its modules, styles and messages
 * under {@code /static/<content hash>/} (cached for a year: a new release has a new hash).
 * Registered as the whiteboard's default servlet, so every longer servlet mapping (the API) still
 * wins.
 */
@Component(
    service = Servlet.class,
    configurationPid = "org.portpass.web",
    property = {
      "osgi.http.whiteboard.servlet.pattern=/",
      "osgi.http.whiteboard.servlet.name=portpass-web"
    })
@Designate(ocd = WebAppServlet.Config.class)
public class WebAppServlet extends HttpServlet {
  /** Configuration {@code org.portpass.web} (optional). */
  @ObjectClassDefinition(name = "PortPass web application")
  public @interface Config {
    @AttributeDefinition(
        description =
            "Where the login page's MTNet button sends the user (MTNet returns to"
                + " /#/mtnet?assertion=...); empty hides the button")
    String mtnetLoginUrl() default "";
  }

  private static final long serialVersionUID = 1L;
  private static final String STATIC = "/static/";
  private static final String YEAR = "public, max-age=31536000, immutable";

  private final transient WebAssets assets;

  @Activate
  public WebAppServlet(BundleContext context, Config config) throws IOException {
    this(WebAssets.of(entries(context), config.mtnetLoginUrl()));
  }

  WebAppServlet(WebAssets assets) {
    this.assets = assets;
  }

  /**
   * The application is only read: any other method is a 405 problem (HttpServlet would answer PATCH
   * with a 501, a server error, and PUT or DELETE with its own 405).
   */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      super.service(request, response);
      return;
    }
    response.setHeader("Allow", "GET, HEAD, OPTIONS");
    response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    securityHeaders(response);
    if (path.equals("/") || path.equals("/index.html")) {
      send(request, response, assets.index(), "no-cache");
      return;
    }
    if (path.startsWith(STATIC)) {
      String rest = path.substring(STATIC.length());
      int slash = rest.indexOf('/');
      if (slash > 0) {
        String version = rest.substring(0, slash);
        Optional<WebAssets.Asset> asset = assets.find(rest.substring(slash + 1));
        if (asset.isPresent()) {
          // an old page asking for an old release gets today's file, but must not keep it
          send(
              request, response, asset.get(), version.equals(assets.version()) ? YEAR : "no-cache");
          return;
        }
      }
    }
    response.setHeader("Cache-Control", "no-store");
    response.sendError(HttpServletResponse.SC_NOT_FOUND);
  }

  private void securityHeaders(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", assets.contentSecurityPolicy());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  }

  private static void send(
      HttpServletRequest request,
      HttpServletResponse response,
      WebAssets.Asset asset,
      String cacheControl)
      throws IOException {
    response.setHeader("Cache-Control", cacheControl);
    response.setHeader("ETag", asset.etag());
    response.setHeader("Vary", "Accept-Encoding");
    String ifNoneMatch = request.getHeader("If-None-Match");
    if (ifNoneMatch != null && ifNoneMatch.contains(asset.etag())) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType(asset.contentType());
    String encodings = request.getHeader("Accept-Encoding");
    byte[] body = asset.body();
    if (encodings != null && encodings.contains("gzip") && asset.gzipped().length < body.length) {
      response.setHeader("Content-Encoding", "gzip");
      body = asset.gzipped();
    }
    response.setContentLength(body.length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(body);
    }
  }

  private static Map<String, byte[]> entries(BundleContext context) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (String root : new String[] {"web", "META-INF/resources/webjars"}) {
      for (URL url :
          Collections.list(
              Optional.ofNullable(context.getBundle().findEntries(root, "*", true))
                  .orElse(Collections.emptyEnumeration()))) {
        String path = url.getPath().substring(1);
        if (path.endsWith("/")) {
          continue;
        }
        try (InputStream in = url.openStream()) {
          entries.put(path, in.readAllBytes());
        }
      }
    }
    return entries;
  }
}
