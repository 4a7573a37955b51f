package io.vigil.console.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.audit.AuditedAlertReader;
import io.vigil.console.audit.AuditedScreenshotReader;
import io.vigil.console.auth.Login;
import io.vigil.console.auth.SessionStore;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.DeviceRepository;
import io.vigil.console.domain.InvalidQueryException;
import io.vigil.console.tls.TlsIdentity;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTPS console: JSON API and HTML inbox on one Jetty connector using the console certificate. */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    public record Services(SessionStore sessions, Login login, AuditedAlertReader alerts, DeviceRepository devices,
                           AuditLog audit, CategoryCatalog categories, AuditedScreenshotReader screenshots) {
    }

    private final Javalin app;

    public WebServer(String bind, int port, TlsIdentity tls, Services services) {
        SessionCookie cookie = new SessionCookie(services.sessions());
        ApiRoutes api = new ApiRoutes(cookie, services.sessions(), services.login(), services.alerts(),
                services.devices(), services.audit(), services.categories());
        PageRoutes pages = new PageRoutes(cookie, services.sessions(), services.login(), services.alerts(),
                services.audit(), services.categories());
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jsonMapper(new JavalinJackson(json, false));
            // Login bodies and query strings are tiny; refuse large bodies early.
            cfg.http.maxRequestSize = 64 * 1024;
            cfg.jetty.addConnector((server, httpConfig) -> httpsConnector(server, httpConfig, bind, port, tls));
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/io/vigil/console/web/static";
                files.location = Location.CLASSPATH;
            });
            cfg.routes.before(ctx -> {
                SecurityHeaders.apply(ctx);
                SecurityHeaders.checkOrigin(ctx);
            });
            api.register(cfg.routes);
            pages.register(cfg.routes);
            new ScreenshotRoutes(cookie, services.screenshots()).register(cfg.routes);
            cfg.routes.exception(ApiException.class, (e, ctx) ->
                    ctx.status(e.status()).json(new JsonViews.ErrorResponse(e.getMessage())));
            cfg.routes.exception(InvalidQueryException.class, (e, ctx) ->
                    ctx.status(400).json(new JsonViews.ErrorResponse(e.getMessage())));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(new JsonViews.ErrorResponse("internal error; see the console log"));
            });
        });
    }

    private static ServerConnector httpsConnector(org.eclipse.jetty.server.Server server,
                                                  org.eclipse.jetty.server.HttpConfiguration httpConfig,
                                                  String bind, int port, TlsIdentity tls) {
        // Clients reach the console by IP or by names the self-signed certificate may not list; the
        // certificate is pinned or explicitly trusted, so Jetty's SNI host check adds nothing here.
        httpConfig.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
        httpConfig.setSendServerVersion(false);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        char[] password = "in-memory-only".toCharArray();
        ssl.setKeyStore(tls.keyStore(password));
        ssl.setKeyStorePassword(new String(password));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(httpConfig));
        connector.setHost(bind);
        connector.setPort(port);
        return connector;
    }

    public WebServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
