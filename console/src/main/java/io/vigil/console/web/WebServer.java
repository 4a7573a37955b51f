package io.vigil.console.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.security.Roles;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.audit.AuditedAlertReader;
import io.vigil.console.audit.AuditedNoticeReader;
import io.vigil.console.audit.AuditedCasework;
import io.vigil.console.audit.AuditedScreenshotReader;
import io.vigil.console.domain.SchoolSettingsRepository;
import java.time.Clock;
import io.vigil.console.auth.Login;
import io.vigil.console.auth.SessionStore;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.DeviceRepository;
import io.vigil.console.domain.HealthReport;
import io.vigil.console.domain.InvalidQueryException;
import io.vigil.console.notify.OnCallRepository;
import io.vigil.console.web.view.ErrorView;
import io.vigil.console.domain.Schools;
import io.vigil.console.filtering.FilteringRecords;
import io.vigil.console.policy.FilterPolicyPublisher;
import io.vigil.console.policy.FilterOverlays;
import io.vigil.console.policy.PolicyRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console: JSON API and HTML pages on one connector. It receives every service it uses and the
 * connector to listen on; it builds nothing else, so tests can run it over plain HTTP with fakes.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    public record Services(SessionStore sessions, Login login, AuditedAlertReader alerts, DeviceRepository devices,
                           AuditLog audit, CategoryCatalog categories, AuditedScreenshotReader screenshots,
                           AuditedNoticeReader notices, AuditedCasework casework, Set<String> illegalCategories,
                           SchoolSettingsRepository settings, Clock clock, Supplier<HealthReport> health,
                           Optional<Filtering> filtering, Optional<OnCallRepository> onCall) {

        public Services(SessionStore sessions, Login login, AuditedAlertReader alerts, DeviceRepository devices,
                        AuditLog audit, CategoryCatalog categories, AuditedScreenshotReader screenshots,
                        AuditedNoticeReader notices, AuditedCasework casework, Set<String> illegalCategories,
                        SchoolSettingsRepository settings, Clock clock, Supplier<HealthReport> health,
                        Optional<Filtering> filtering) {
            this(sessions, login, alerts, devices, audit, categories, screenshots, notices, casework,
                    illegalCategories, settings, clock, health, filtering, Optional.empty());
        }

        /** With the urgent-alert settings page. */
        public Services withOnCall(OnCallRepository repository) {
            return new Services(sessions, login, alerts, devices, audit, categories, screenshots, notices, casework,
                    illegalCategories, settings, clock, health, filtering, Optional.of(repository));
        }

        public Services(SessionStore sessions, Login login, AuditedAlertReader alerts, DeviceRepository devices,
                        AuditLog audit, CategoryCatalog categories, AuditedScreenshotReader screenshots,
                        AuditedNoticeReader notices, AuditedCasework casework, Set<String> illegalCategories,
                        SchoolSettingsRepository settings, Clock clock, Supplier<HealthReport> health,
                        Filtering filtering) {
            this(sessions, login, alerts, devices, audit, categories, screenshots, notices, casework,
                    illegalCategories, settings, clock, health, Optional.of(filtering));
        }

        /** Without the filtering routes: the web tests that exercise alerts and access alone. */
        public Services(SessionStore sessions, Login login, AuditedAlertReader alerts, DeviceRepository devices,
                        AuditLog audit, CategoryCatalog categories, AuditedScreenshotReader screenshots,
                        AuditedNoticeReader notices, AuditedCasework casework, Set<String> illegalCategories,
                        SchoolSettingsRepository settings, Clock clock) {
            this(sessions, login, alerts, devices, audit, categories, screenshots, notices, casework,
                    illegalCategories, settings, clock, () -> HealthReport.UNKNOWN, Optional.empty());
        }
    }

    /** Filter policy publishing, the filtering records and tamper events, for the IT and safeguarding roles. */
    public record Filtering(FilterPolicyPublisher publisher, io.vigil.console.policy.PolicyChangeFlow changes,
                            PolicyRepository policies, Schools schools,
                            FilteringRecords records, FilterOverlays overlays,
                            io.vigil.console.domain.TamperEventRepository tamperEvents, Optional<Lists> lists) {
    }

    /** Keyword-list publishing: changes, four eyes, emergency blocks and what each device runs. */
    public record Lists(io.vigil.console.lists.KeywordListPublisher publisher,
                        io.vigil.console.lists.KeywordListRepository repository, Schools schools) {
    }

    /**
     * People on alerts and the school directory. {@link #NONE} (logins shown as unknown, no directory routes) for
     * the web tests that wire no store.
     */
    public record People(io.vigil.console.people.AlertPeople onAlerts,
                         Optional<io.vigil.console.audit.AuditedDirectory> directory) {
        public static final People NONE = new People(io.vigil.console.people.AlertPeople.NONE, Optional.empty());
    }

    /** A registered route and the access it declares (empty if it declares none, which the tests refuse). */
    record Route(String method, String path, List<Access> access) {
    }

    /** Set on a request whose error answer is already written, so the 404 handler leaves it alone. */
    private static final String RENDERED = "vigil.error-rendered";

    private final Javalin app;
    private final Templates templates;

    public WebServer(Services services, ConnectorFactory connector) {
        this(services, connector, People.NONE, Optional.empty(), Optional.empty());
    }

    public WebServer(Services services, ConnectorFactory connector, People people) {
        this(services, connector, people, Optional.empty(), Optional.empty());
    }

    public WebServer(Services services, ConnectorFactory connector, Optional<io.vigil.console.auth.UserAdmin> userAdmin) {
        this(services, connector, People.NONE, userAdmin, Optional.empty());
    }

    /** With the IT provider's device and token pages. */
    public WebServer(Services services, FleetServices fleet, ConnectorFactory connector) {
        this(services, connector, People.NONE, Optional.empty(), Optional.of(fleet));
    }

    /**
     * @param userAdmin account lifecycle routes for those who manage users, when present
     * @param fleet the IT provider's device and token pages, when present
     */
    public WebServer(Services services, ConnectorFactory connector, People people,
                     Optional<io.vigil.console.auth.UserAdmin> userAdmin, Optional<FleetServices> fleet) {
        SessionCookie cookie = new SessionCookie(services.sessions());
        AccessControl accessControl = new AccessControl(cookie, services.audit());
        ApiRoutes api = new ApiRoutes(cookie, services.sessions(), services.login(), services.alerts(),
                services.devices(), services.audit(), services.categories(),
                scope -> services.filtering().map(f -> f.policies().statuses(scope)).orElse(Map.of()),
                services.health(), scope -> services.filtering().map(f -> f.tamperEvents().countsSince(scope,
                        services.clock().instant().minus(TamperRoutes.HEALTH_WINDOW))).orElse(Map.of()),
                people.onAlerts());
        templates = new Templates();
        PageRoutes pages = new PageRoutes(cookie, services.sessions(), services.login(), services.alerts(),
                services.audit(), services.categories(), school -> services.settings().of(school).repeatWindow(),
                templates, people.onAlerts());
        AlertDetailPage alertPages = new AlertDetailPage(services.categories(), services.illegalCategories(),
                services.clock(), people.onAlerts());
        AlertRoutes alertRoutes = new AlertRoutes(services.casework(), alertPages,
                new IncidentExports(alertPages, services.clock()), templates);
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jsonMapper(new JavalinJackson(json, false));
            // Login bodies and query strings are tiny; refuse large bodies early.
            cfg.http.maxRequestSize = 64 * 1024;
            // Except a school's directory export (People page); its route checks the size again.
            cfg.jetty.multipartConfig.maxFileSize(io.vigil.console.people.CsvText.MAX_BYTES,
                    io.javalin.config.SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(io.vigil.console.people.CsvText.MAX_BYTES + 64 * 1024,
                    io.javalin.config.SizeUnit.BYTES);
            cfg.jetty.addConnector(connector::create);
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/io/vigil/console/web/static";
                files.location = Location.CLASSPATH;
                files.roles = Set.of(Access.PUBLIC);
            });
            cfg.routes.before(ctx -> {
                SecurityHeaders.apply(ctx);
                SecurityHeaders.checkOrigin(ctx);
            });
            cfg.routes.beforeMatched(accessControl::check);
            SecuredRoutes routes = new SecuredRoutes(cfg.routes);
            api.register(routes);
            pages.register(routes);
            new ScreenshotRoutes(services.screenshots()).register(routes);
            new NoticeRoutes(services.notices()).register(routes);
            services.filtering().ifPresent(f -> {
                new PolicyRoutes(f, services.audit(), templates).register(routes);
                new PolicyChangeRoutes(f, services.audit()).register(routes);
                new FilteringRoutes(f.records(), services.audit(), templates).register(routes);
                new OverlayRoutes(f, services.audit()).register(routes);
                new TamperRoutes(f.tamperEvents(), services.audit()).register(routes);
                f.lists().ifPresent(l -> new KeywordListRoutes(l, f.policies(), services.audit(), templates)
                        .register(routes));
            });
            fleet.ifPresent(f -> {
                new DeviceRoutes(f, services.audit(), templates).register(routes);
                new TokenRoutes(f, templates).register(routes);
            });
            alertRoutes.register(routes);
            people.directory().ifPresent(d -> new DirectoryRoutes(d, templates, services.casework()::schoolName)
                    .register(routes));
            userAdmin.ifPresent(admin -> new UserRoutes(admin).register(routes));
            new AuditRoutes(services.audit(), templates).register(routes);
            new IncidentRoutes(services.casework(), services.categories(), services.casework()::schoolName, templates,
                    services.clock()).register(routes);
            new SettingsRoutes(services.settings(), services.audit(), services.clock()).register(routes);
            services.onCall().ifPresent(o -> new UrgentSettingsRoutes(o, services.casework()::schoolName, templates)
                    .register(routes));
            // An address that matches no route: a proper page with a way back (the API keeps its JSON).
            cfg.routes.error(404, "*", ctx -> {
                // Javalin has already written its own "Endpoint not found" (plain text, or HTML for a browser);
                // a 404 that a route answered itself (an alert of another school) keeps the page it rendered.
                if (ctx.attribute(RENDERED) == null) {
                    if (AccessControl.isPage(ctx)) {
                        ctx.html(templates.render("error.jte", new ErrorView("Page not found",
                                "There is nothing at this address. It may have been mistyped, or the alert it named"
                                        + " may belong to another school.")));
                    } else {
                        ctx.json(new JsonViews.ErrorResponse("there is no such API endpoint"));
                    }
                }
            });
            cfg.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            cfg.routes.exception(InvalidQueryException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error; see the console log");
            });
        });
    }

    /** JSON for the API, a plain page for people. */
    private void error(Context ctx, int status, String message) {
        ctx.status(status);
        ctx.attribute(RENDERED, true);
        if (AccessControl.isPage(ctx)) {
            String title = switch (status) {
                case 403 -> "Not available to your role";
                case 400 -> "Request not understood";
                case 404 -> "Not found";
                default -> "Something went wrong";
            };
            ctx.html(templates.render("error.jte", new ErrorView(title, message)));
        } else {
            ctx.json(new JsonViews.ErrorResponse(message));
        }
    }

    /** Every HTTP route Javalin will serve, as registered, with the access rules it carries. */
    List<Route> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(e -> !e.method.name().startsWith("BEFORE") && !e.method.name().startsWith("AFTER"))
                .map(e -> {
                    Roles roles = e.metadata(Roles.class);
                    return new Route(e.method.name(), e.path,
                            AccessControl.declared(roles == null ? Set.of() : roles.getRoles()));
                })
                .toList();
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
