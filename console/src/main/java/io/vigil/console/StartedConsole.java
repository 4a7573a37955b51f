package io.vigil.console;

import io.vigil.console.audit.AuditedAlertReader;
import io.vigil.console.audit.AuditedNoticeReader;
import io.vigil.console.audit.AuditedCasework;
import io.vigil.console.audit.AuditedScreenshotReader;
import io.vigil.console.domain.AlertExplainer;
import io.vigil.console.domain.RetentionPurge;
import io.vigil.console.store.jdbc.JdbcSchoolRepository;
import io.vigil.console.auth.SessionStore;
import io.vigil.console.cli.ConsoleOperations;
import io.vigil.console.config.PortCheck;
import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.AlertIntake;
import io.vigil.console.domain.AlertSearch;
import io.vigil.console.domain.AlertValidator;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.DeviceAuthenticator;
import io.vigil.console.domain.DeviceSessions;
import io.vigil.console.health.HealthMonitor;
import io.vigil.console.health.IdleCompaction;
import io.vigil.console.domain.Role;
import io.vigil.console.config.NotifyConfig;
import io.vigil.console.notify.HttpWebhook;
import io.vigil.console.notify.SmtpEmail;
import io.vigil.console.notify.UrgentNotifier;
import io.vigil.console.fleet.DeviceHealth;
import io.vigil.console.fleet.DeviceLifecycle;
import io.vigil.console.fleet.SilenceWatch;
import io.vigil.console.ingest.AgentGrpcServer;
import io.vigil.console.web.FleetServices;
import io.vigil.console.ingest.OpenSessions;
import io.vigil.console.policy.VfpPolicyValidator;
import io.vigil.console.policy.FilterPolicyPublisher;
import io.vigil.console.policy.FilterOverlays;
import io.vigil.console.policy.PolicyDelivery;
import io.vigil.console.policy.PolicyChangeFlow;
import io.vigil.console.lists.EmergencyReviewCheck;
import io.vigil.console.lists.KeywordListPublisher;
import io.vigil.console.lists.ListDelivery;
import io.vigil.console.store.jdbc.JdbcKeywordListRepository;
import io.vigil.console.signing.SigningKeyStore;
import io.vigil.console.search.AlertIndexer;
import io.vigil.console.search.LuceneAlertIndex;
import io.vigil.console.tls.CertificateStore;
import io.vigil.console.tls.SchoolCertificate;
import io.vigil.console.tls.TlsIdentity;
import io.vigil.console.web.ConnectorFactory;
import io.vigil.console.web.WebServer;
import io.vigil.keywords.KeywordEngine;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running console: certificate, database, index, gRPC and HTTPS listeners, closed in reverse order. */
final class StartedConsole implements ConsoleOperations.RunningConsole {

    private static final Logger LOG = LoggerFactory.getLogger(StartedConsole.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final ServeOptions options;
    private TlsIdentity tls;
    private UrgentNotifier urgent;
    private ConsoleApp app;
    private int webPort;
    private int grpcPort;
    private boolean closed;

    private StartedConsole(ServeOptions options) {
        this.options = options;
    }

    static StartedConsole start(ServeOptions options, Clock clock, SecureRandom random) {
        StartedConsole console = new StartedConsole(options);
        try {
            console.wire(clock, random);
            return console;
        } catch (RuntimeException | IOException e) {
            console.close();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ConsoleException("cannot start the console: " + e.getMessage(), e);
        }
    }

    private void wire(Clock clock, SecureRandom random) throws IOException {
        // The database first: an unreachable PostgreSQL should stop serve before a certificate is made.
        app = own(ConsoleApp.open(options.database(), options.dataDir(), clock, random));
        tls = new CertificateStore(options.dataDir()).loadOrCreate();

        KeywordEngine lists = KeywordEngine.bundled();
        CategoryCatalog categories = categories(lists);
        LuceneAlertIndex index = own(LuceneAlertIndex.open(options.dataDir().resolve("index"), categories));
        AlertIndexer indexer = own(new AlertIndexer(app.alerts(), app.indexOutbox(), index).start());

        AlertIntake intake = own(new AlertIntake(app.alerts(), app.screenshots(), clock));
        own(new IdleCompaction(intake::written, app.database()::compact, clock).start());
        var deviceSessions = new DeviceSessions(app.devices(), intake, app.filterEvents(), new AlertValidator(),
                app.noticeAcceptances(), app.filtering(), app.tamperEvents(), clock,
                new DeviceHealth(app.fleet(), clock));
        var signer = SigningKeyStore.loadOrCreate(options.dataDir());
        var keywordLists = new JdbcKeywordListRepository(app.database().dataSource());
        var openSessions = new OpenSessions(new ListDelivery(keywordLists, clock));
        var lifecycle = new DeviceLifecycle(app.fleet(), openSessions, app.audit(), clock);
        java.util.function.Supplier<java.util.List<Long>> allSchools = () -> new JdbcSchoolRepository(
                app.database().dataSource()).schools().stream().map(io.vigil.console.domain.School::id).sorted()
                .toList();
        var listPublisher = new KeywordListPublisher(keywordLists, signer, openSessions, app.audit(), clock,
                allSchools);
        own(new EmergencyReviewSchedule(new EmergencyReviewCheck(keywordLists, app.policies(), app.audit(),
                clock)).start());
        var delivery = new PolicyDelivery(signer, app.policies(), clock);
        var publisher = new FilterPolicyPublisher(new VfpPolicyValidator(), signer, app.policies(), openSessions,
                app.overlays(), app.audit(), clock);
        AgentGrpcServer grpc = own(new AgentGrpcServer(
                AgentGrpcServer.nettyTls(options.bind(), options.grpcPort(), tls), app.enrolment(), deviceSessions,
                new DeviceAuthenticator(app.devices()), lifecycle, clock, delivery, openSessions));
        startListener(grpc::start, options.grpcPort(), "agent gRPC", "--grpc-port");
        grpcPort = grpc.port();

        var sessions = new SessionStore(app.sessions(), app.users(), app::scopeOf, app.secrets(), clock,
                options.idleTimeout());
        var services = new WebServer.Services(sessions, app.login(),
                new AuditedAlertReader(new AlertSearch(app.alerts(), indexer)::find, app.audit()), app.devices(),
                app.audit(), categories, new AuditedScreenshotReader(app.screenshots(), app.audit()),
                new AuditedNoticeReader(app.noticeAcceptances(), app.audit()),
                new AuditedCasework(app.casework(), app.users(), app.screenshots(), new AlertExplainer(lists),
                        app.audit(), clock), illegalCategories(lists), app.settings(), clock,
                own(new HealthMonitor(app.database().probe(), intake::waiting, grpc::openSessions, clock).start())::report,
                new WebServer.Filtering(publisher, new PolicyChangeFlow(publisher, app.policies(), app.audit(), clock,
                        allSchools), app.policies(), app.schools(), app.filtering(),
                        new FilterOverlays(publisher, app.overlays(), clock), app.tamperEvents(),
                        java.util.Optional.of(new WebServer.Lists(listPublisher, keywordLists, app.schools()))))
                .withOnCall(app.onCall());
        urgent = own(urgentNotifier(clock));
        own(new RetentionSchedule(new RetentionPurge(new JdbcSchoolRepository(app.database().dataSource()),
                app.settings(), app.retention(), clock), app.audit()).start());
        own(new SilenceSchedule(new SilenceWatch(app.fleet(), app.schools()::all, clock)).start());
        var fleet = new FleetServices(app.tokenAdmin(), lifecycle, app.fleet(), app.schools(), clock);
        var directory = new io.vigil.console.store.jdbc.JdbcDirectory(app.database().dataSource());
        var people = new WebServer.People(new io.vigil.console.people.AlertPeople(directory, app.noticeAcceptances()),
                java.util.Optional.of(new io.vigil.console.audit.AuditedDirectory(directory, app.audit(), clock)));
        ConnectorFactory webConnector = options.webTls()
                .map(files -> ConnectorFactory.https(options.bind(), options.httpPort(),
                        SchoolCertificate.load(files.certificate(), files.key(), clock.instant())))
                .orElseGet(() -> ConnectorFactory.https(options.bind(), options.httpPort(), tls));
        WebServer web = own(new WebServer(services, webConnector, people, java.util.Optional.of(app.userAdmin()),
                java.util.Optional.of(fleet)));
        startListener(web::start, options.httpPort(), "HTTPS console", "--http-port");
        webPort = web.port();
        urgent.consoleUrl(options.notifyConfig().flatMap(NotifyConfig::consoleUrl).orElse(webUrl()));
        if (options.notifyConfig().isPresent()) {
            urgent.start();
        }
        LOG.info("Console started on {} (web {}, gRPC {}, sessions lock after {} idle)", options.bind(), webPort,
                grpcPort, options.idleTimeout());
    }

    /**
     * Email and webhook from {@code --notify-config}. Without one the notifier is not started: urgent alerts wait
     * in the outbox, and a console later started with a configuration sends them (unless acknowledged by then).
     */
    private UrgentNotifier urgentNotifier(Clock clock) {
        var config = options.notifyConfig();
        if (config.isEmpty()) {
            LOG.warn("No --notify-config: urgent alerts are shown in the inbox but nobody is emailed");
        }
        return new UrgentNotifier(app.urgentOutbox(), app.onCall(),
                config.flatMap(NotifyConfig::smtp).map(SmtpEmail::new),
                config.flatMap(NotifyConfig::webhook).map(HttpWebhook::new), clock);
    }

    /** Sets a school's on-call order (tests; administrators use `oncall set`). */
    void setOnCall(String school, java.util.List<io.vigil.console.notify.OnCallPerson> people) {
        app.setOnCall(ConsoleApp.CLI_ACTOR, java.util.Optional.of(school), people, java.util.Optional.empty(),
                java.util.Optional.empty());
    }

    /** The urgent-alert notifier (tests move the clock, then wake it). */
    UrgentNotifier urgentNotifier() {
        return urgent;
    }

    /** Category names from the same keyword lists the agents ship with. */
    private static CategoryCatalog categories(KeywordEngine lists) {
        LOG.info("Keyword lists {} ({} categories, {} rules)", lists.version(), lists.categoryCount(),
                lists.ruleCount());
        var categories = new java.util.ArrayList<>(lists.lists().categories().stream()
                .map(c -> new CategoryCatalog.Category(c.id(), c.name())).toList());
        // Not a keyword category: raised by the agent's "Get help" page when a pupil asks for help.
        categories.add(new CategoryCatalog.Category("pupil_request", "Pupil asked for help"));
        return new CategoryCatalog(categories);
    }

    /** Categories whose content may be illegal in itself: their alerts show the "do not view or copy" route. */
    private static Set<String> illegalCategories(KeywordEngine lists) {
        return lists.lists().categories().stream().filter(io.vigil.keywords.model.Category::illegalContent)
                .map(io.vigil.keywords.model.Category::id).collect(java.util.stream.Collectors.toSet());
    }

    private interface Starter {
        Object start() throws IOException;
    }

    /** Turns "address in use" from either server into the same message the pre-start check gives. */
    private void startListener(Starter starter, int port, String purpose, String flag) throws IOException {
        try {
            starter.start();
        } catch (IOException | RuntimeException e) {
            if (causedByBind(e)) {
                throw PortCheck.inUse(options.bind(), port, purpose, flag);
            }
            throw e;
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || String.valueOf(t.getMessage()).contains("already in use")) {
                return true;
            }
        }
        return false;
    }

    private <T extends AutoCloseable> T own(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public String webUrl() {
        return "https://" + displayHost() + ":" + webPort + "/";
    }

    @Override
    public String grpcAddress() {
        return displayHost() + ":" + grpcPort;
    }

    @Override
    public int grpcPort() {
        return grpcPort;
    }

    private String displayHost() {
        String bind = options.bind();
        String host = bind;
        if (bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]")) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "localhost";
            }
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public String fingerprint() {
        return tls.fingerprint();
    }

    @Override
    public String createToken(String school) {
        return app.createTokenAddingSchool(ConsoleApp.CLI_ACTOR, school);
    }

    /** As {@code user link}: console user {@code username} is the person with {@code login} in {@code school}. */
    public boolean linkUser(String username, String school, String login) {
        return app.directory().link(ConsoleApp.CLI_ACTOR, username, app.schoolId(java.util.Optional.of(school)), login);
    }

    @Override
    public ConsoleOperations.TotpSetup addOrResetUser(String username, Set<Role> roles, String school, String password) {
        return ConsoleWiring.setup(app.addOrResetUser(ConsoleApp.CLI_ACTOR, username, roles, school, password));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
