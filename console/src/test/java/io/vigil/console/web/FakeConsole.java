package io.vigil.console.web;

import io.vigil.console.audit.AuditedAlertReader;
import io.vigil.console.audit.AuditedCasework;
import io.vigil.console.audit.AuditedScreenshotReader;
import io.vigil.console.domain.AlertExplainer;
import io.vigil.keywords.KeywordEngine;
import io.vigil.console.auth.Login;
import io.vigil.console.auth.PasswordHasher;
import io.vigil.console.auth.Session;
import io.vigil.console.auth.SessionStore;
import io.vigil.console.domain.AlertPage;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertStatus;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.Device;
import io.vigil.console.domain.DeviceFacts;
import io.vigil.console.domain.DeviceRepository;
import io.vigil.console.domain.Membership;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.Secrets;
import io.vigil.console.domain.StoredAlert;
import io.vigil.console.testing.InMemoryAuditLog;
import io.vigil.console.testing.InMemorySessions;
import io.vigil.console.testing.InMemoryUsers;
import io.vigil.console.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real {@link WebServer} on a plain-HTTP loopback port over in-memory fakes: every route and the access
 * check run for real, without certificates, a database or an index. One user per role, named by its id.
 */
final class FakeConsole implements AutoCloseable {

    static final String PASSWORD = "correct horse battery staple";
    static final long SCHOOL = 1;
    static final long OTHER_SCHOOL = 2;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    final InMemoryUsers users = new InMemoryUsers();
    final InMemorySessions sessionRows = new InMemorySessions();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    /** Every user belongs to school {@link #SCHOOL}; the fake search and devices honour the session's scope. */
    final SessionStore sessions = new SessionStore(sessionRows, users,
            user -> Scope.of(user.membership().schoolId().orElseThrow()), new Secrets(new SecureRandom()), clock,
            Duration.ofMinutes(20));
    /** What the fake search returns in this order, filtered only by scope and minimum severity, then paged. */
    final List<StoredAlert> alerts = new CopyOnWriteArrayList<>();
    /** Every school uses the defaults unless a test saves others. */
    final java.util.Map<Long, io.vigil.console.domain.SchoolSettings> savedSettings = new java.util.concurrent.ConcurrentHashMap<>();
    private final io.vigil.console.domain.SchoolSettingsRepository settings = new io.vigil.console.domain.SchoolSettingsRepository() {
        @Override
        public io.vigil.console.domain.SchoolSettings of(long schoolId) {
            return savedSettings.getOrDefault(schoolId, io.vigil.console.domain.SchoolSettings.DEFAULTS);
        }

        @Override
        public void save(long schoolId, io.vigil.console.domain.SchoolSettings s, String by, Instant at) {
            savedSettings.put(schoolId, s);
        }
    };
    final WebServer server;
    /** Real TOTP checks over an in-memory store; {@link #enrolTotp} gives a user a known secret. */
    final io.vigil.console.auth.SecondFactors secondFactors = new io.vigil.console.auth.SecondFactors(
            new io.vigil.console.testing.InMemorySecondFactors(), io.vigil.console.auth.SecretSealer.loadOrCreate(
                    tempKeyDir(), new SecureRandom()), new SecureRandom(), clock);

    private static java.nio.file.Path tempKeyDir() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("fake-console-key");
            dir.toFile().deleteOnExit();
            dir.resolve(io.vigil.console.auth.SecretSealer.KEY_FILE).toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    FakeConsole() {
        this(new PasswordHasher(new SecureRandom()));
    }

    private FakeConsole(PasswordHasher hasher) {
        String hash = hasher.hash(PASSWORD); // Argon2 is slow on purpose: hash once, share it
        for (Role role : Role.values()) {
            users.create(role.id(), Set.of(role), hash, Membership.school(SCHOOL), clock.instant());
        }
        var categories = new CategoryCatalog(List.of(new CategoryCatalog.Category("self_harm", "Self-harm"),
                new CategoryCatalog.Category("suicide", "Suicide")));
        var services = new WebServer.Services(sessions, new Login(users, hasher, secondFactors,
                        new io.vigil.console.auth.SignInThrottle(clock)),
                new AuditedAlertReader(this::search, audit), new OneDevice(), audit, categories,
                new AuditedScreenshotReader(new NoScreenshots(), audit),
                new io.vigil.console.audit.AuditedNoticeReader(new NoNotices(), audit),
                new AuditedCasework(new FakeCases(), users, new NoScreenshots(),
                        new AlertExplainer(KeywordEngine.bundled()), audit, clock),
                Set.of("grooming"), settings, clock);
        server = new WebServer(services, ConnectorFactory.plainLoopback()).start();
    }

    private AlertPage search(AlertQuery query) {
        List<StoredAlert> matching = alerts.stream()
                .filter(a -> query.scope().contains(a.schoolId()))
                .filter(a -> query.minSeverity().map(min -> a.severity() >= min).orElse(true)).toList();
        int from = Math.min(query.offset(), matching.size());
        return new AlertPage(matching.size(), matching.subList(from, Math.min(from + query.limit(), matching.size())));
    }

    /** A new session for the user named after {@code role}, as if they had just signed in. */
    Session signedIn(Role role) {
        return sessions.open(users.find(role.id()).orElseThrow());
    }

    PlainHttp client() {
        return new PlainHttp(server.port());
    }

    PlainHttp client(Role role) {
        return client().withCookie(signedIn(role).id());
    }

    static StoredAlert alert(int n, int severity, String category, String snippet) {
        return alert(n, SCHOOL, severity, category, snippet);
    }

    static StoredAlert alert(int n, long school, int severity, String category, String snippet) {
        Instant at = Instant.parse("2026-11-23T08:00:00Z").plusSeconds(n);
        return new StoredAlert(n, "00000000-0000-0000-0000-" + String.format("%012d", n), "dev-1", "LAPTOP-1",
                school, n, category, severity, 10, List.of("r1"), snippet, "Discord", "general", "", "pupil.one", at, at,
                "keyboard", "test", AlertStatus.NEW);
    }

    @Override
    public void close() {
        server.close();
    }

    /** No alert in the fake has a screenshot: the route answers 404 to those allowed to ask, 403 to others. */
    private static final class NoNotices implements io.vigil.console.domain.NoticeAcceptanceRepository {
        @Override
        public boolean storeOnce(io.vigil.console.domain.NoticeAcceptance acceptance, Instant receivedAt) {
            throw new UnsupportedOperationException("the web layer never stores notice acceptances");
        }

        @Override
        public List<io.vigil.console.domain.StoredNoticeAcceptance> inScope(io.vigil.console.domain.Scope scope,
                                                                            Optional<String> user, int limit) {
            return List.of();
        }
    }

    private static final class NoScreenshots implements io.vigil.console.domain.ScreenshotRepository {
        @Override
        public void storeOnce(io.vigil.console.domain.AlertScreenshot screenshot, Instant receivedAt) {
            throw new UnsupportedOperationException("the web layer never stores screenshots");
        }

        @Override
        public Optional<io.vigil.console.domain.AlertScreenshot> find(String alertUuid,
                                                                     io.vigil.console.domain.Scope scope) {
            return Optional.empty();
        }
    }

    /**
     * The fake's alerts, each with a case that stays new: pages render and changes are accepted (and audited),
     * without a database. The real casework store is tested by the repository contracts and the ITs.
     */
    private final class FakeCases implements io.vigil.console.domain.CaseworkRepository {
        @Override
        public Optional<StoredAlert> alert(String uuid, Scope scope) {
            return alerts.stream().filter(a -> a.uuid().equals(uuid) && scope.contains(a.schoolId())).findFirst();
        }

        @Override
        public Optional<io.vigil.console.domain.CaseRecord> caseOf(String uuid, Scope scope) {
            return alert(uuid, scope).map(a -> new io.vigil.console.domain.CaseRecord(a.uuid(), a.status(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                    List.of(), List.of(), List.of()));
        }

        @Override
        public boolean apply(String uuid, Scope scope, io.vigil.console.domain.CaseChange change, String actor,
                             Instant at) {
            return alert(uuid, scope).isPresent();
        }

        @Override
        public String logIncident(io.vigil.console.domain.NewIncident incident, String uuid, String actor,
                                  Instant at) {
            return uuid;
        }

        @Override
        public String schoolName(long schoolId) {
            return "Oak Primary";
        }

        @Override
        public List<StoredAlert> earlierAlertsOfUser(StoredAlert alert, io.vigil.console.domain.Scope scope, int max) {
            return List.of();
        }

        @Override
        public List<io.vigil.console.domain.RulePrecision> rulePrecision(Scope scope) {
            return List.of();
        }
    }

    private static final class OneDevice implements DeviceRepository {
        private final Device device = new Device("dev-1", SCHOOL, "Oak Primary",
                new DeviceFacts("LAPTOP-1", "Linux", "6", "hw", "0.1"), "pupil.one",
                Instant.parse("2026-11-01T08:00:00Z"), null);

        @Override
        public void create(Device device, String credentialHash) {
            throw new UnsupportedOperationException("the web layer never enrols");
        }

        @Override
        public Optional<String> idByHardwareId(long schoolId, String hardwareId) {
            return Optional.empty();
        }

        @Override
        public void reEnrol(String deviceId, String credentialHash, DeviceFacts facts) {
            throw new UnsupportedOperationException("the web layer never enrols");
        }

        @Override
        public Optional<String> credentialHash(String deviceId) {
            return Optional.empty();
        }

        @Override
        public void recordHello(String deviceId, DeviceFacts facts, String user, Instant at) {
        }

        @Override
        public void recordSeen(String deviceId, Instant at) {
        }

        @Override
        public void recordSpoolProblem(String deviceId, String problem) {
        }

        @Override
        public void recordCapabilities(String deviceId, io.vigil.console.domain.DeviceCapabilities capabilities) {
        }

        @Override
        public long highestStoredSequence(String deviceId) {
            return 0;
        }

        @Override
        public List<Device> inScope(Scope scope) {
            return scope.contains(device.schoolId()) ? new ArrayList<>(List.of(device)) : List.of();
        }
    }
}
