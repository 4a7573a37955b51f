package io.vigil.console;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.auth.Login;
import io.vigil.console.auth.PasswordHasher;
import io.vigil.console.auth.PasswordPolicy;
import io.vigil.console.auth.SecondFactors;
import io.vigil.console.auth.SecretSealer;
import io.vigil.console.auth.SignInThrottle;
import io.vigil.console.store.jdbc.JdbcSecondFactorRepository;
import io.vigil.console.auth.SessionRepository;
import io.vigil.console.auth.UserAdmin;
import io.vigil.console.cli.ConsoleOperations;
import io.vigil.console.config.DatabaseConfig;
import io.vigil.console.domain.AlertRepository;
import io.vigil.console.domain.CaseworkRepository;
import io.vigil.console.domain.RetentionRepository;
import io.vigil.console.domain.SchoolSettingsRepository;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.DeviceRepository;
import io.vigil.console.domain.Enrolment;
import io.vigil.console.domain.FilterEventRepository;
import io.vigil.console.domain.IndexOutbox;
import io.vigil.console.domain.Membership;
import io.vigil.console.domain.NoticeAcceptanceRepository;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.School;
import io.vigil.console.domain.Schools;
import io.vigil.console.domain.Readership;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.Secrets;
import io.vigil.console.domain.Trust;
import io.vigil.console.domain.User;
import io.vigil.console.domain.UserRepository;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.notify.OnCallPerson;
import io.vigil.console.notify.OnCallRepository;
import io.vigil.console.notify.UrgentOutbox;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcOnCallRepository;
import io.vigil.console.store.jdbc.JdbcUrgentOutbox;
import io.vigil.console.store.jdbc.JdbcAuditLog;
import io.vigil.console.store.jdbc.JdbcCaseworkRepository;
import io.vigil.console.store.jdbc.JdbcRetentionRepository;
import io.vigil.console.store.jdbc.JdbcSchoolSettingsRepository;
import io.vigil.console.store.jdbc.JdbcDeviceRepository;
import io.vigil.console.store.jdbc.JdbcFilterEventRepository;
import io.vigil.console.store.jdbc.JdbcNoticeAcceptanceRepository;
import io.vigil.console.store.jdbc.JdbcScreenshotRepository;
import io.vigil.console.domain.ScreenshotRepository;
import io.vigil.console.store.jdbc.JdbcIndexOutbox;
import io.vigil.console.store.jdbc.JdbcPolicyRepository;
import io.vigil.console.store.jdbc.JdbcFilteringReports;
import io.vigil.console.store.jdbc.JdbcOverlayRepository;
import io.vigil.console.policy.OverlayRepository;
import io.vigil.console.policy.PolicyRepository;
import io.vigil.console.store.jdbc.JdbcSchoolRepository;
import io.vigil.console.store.jdbc.JdbcSessionRepository;
import io.vigil.console.store.jdbc.JdbcTokenRepository;
import io.vigil.console.store.jdbc.JdbcUserRepository;
import io.vigil.console.domain.EnrolmentToken;
import io.vigil.console.domain.TokenRepository;
import io.vigil.console.fleet.FleetRepository;
import io.vigil.console.fleet.TokenAdmin;
import io.vigil.console.fleet.TokenExpiry;
import io.vigil.console.store.jdbc.JdbcFleetRepository;
import java.util.List;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The console's services over one database, each built exactly once. Command-line operations use it
 * directly; {@link StartedConsole} adds the index and the listeners on top. Whatever must always happen
 * together (creating a token and auditing it) happens here, so no path can do one without the other.
 */
final class ConsoleApp implements AutoCloseable {

    /** Who the audit log names for changes made at the command line (there is no signed-in user). */
    static final String CLI_ACTOR = "cli";

    private final Database db;
    private final Secrets secrets;
    private final AlertRepository alerts;
    private final DeviceRepository devices;
    private final FilterEventRepository filterEvents;
    private final NoticeAcceptanceRepository noticeAcceptances;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Enrolment enrolment;
    private final UserAdmin userAdmin;
    private final SecondFactors secondFactors;
    private final Login login;
    private final Schools schools;
    private final IndexOutbox indexOutbox;
    private final ScreenshotRepository screenshots;
    private final PolicyRepository policies;
    private final JdbcFilteringReports filtering;
    private final io.vigil.console.store.jdbc.JdbcTamperEventRepository tamperEvents;
    private final OverlayRepository overlays;
    private final CaseworkRepository casework;
    private final SchoolSettingsRepository settings;
    private final RetentionRepository retention;
    private final JdbcUrgentOutbox urgentOutbox;
    private final JdbcOnCallRepository onCall;
    private final TokenRepository tokens;
    private final FleetRepository fleet;
    private final TokenAdmin tokenAdmin;
    private final Clock clock;

    private ConsoleApp(Database db, Path dataDir, Clock clock, SecureRandom random) {
        this.db = db;
        this.clock = clock;
        var source = db.dataSource();
        this.secrets = new Secrets(random);
        this.alerts = new JdbcAlertRepository(source);
        this.devices = new JdbcDeviceRepository(source);
        this.filterEvents = new JdbcFilterEventRepository(source);
        this.noticeAcceptances = new JdbcNoticeAcceptanceRepository(source);
        this.users = new JdbcUserRepository(source);
        this.sessions = new JdbcSessionRepository(source);
        this.audit = new JdbcAuditLog(source, clock);
        this.hasher = new PasswordHasher(random);
        this.tokens = new JdbcTokenRepository(source);
        this.fleet = new JdbcFleetRepository(source);
        this.enrolment = new Enrolment(tokens, devices, secrets, clock, (enrolled, hostname, tokenId) ->
                audit.record("enrolment", AuditAction.DEVICE_ENROL, "device=" + enrolled.deviceId()
                        + " host=" + io.vigil.console.domain.Text.forLog(hostname) + " token=" + tokenId
                        + " school=" + enrolled.school()));
        this.tokenAdmin = new TokenAdmin(enrolment, tokens, audit, clock);
        this.secondFactors = new SecondFactors(new JdbcSecondFactorRepository(source),
                SecretSealer.loadOrCreate(dataDir, random), random, clock);
        this.userAdmin = new UserAdmin(users, hasher, PasswordPolicy.bundled(), secondFactors, sessions, audit, clock);
        this.login = new Login(users, hasher, secondFactors, new SignInThrottle(clock));
        this.schools = new Schools(new JdbcSchoolRepository(source), clock);
        this.indexOutbox = new JdbcIndexOutbox(source, clock);
        this.screenshots = new JdbcScreenshotRepository(source);
        this.policies = new JdbcPolicyRepository(source);
        this.filtering = new JdbcFilteringReports(source, clock);
        this.tamperEvents = new io.vigil.console.store.jdbc.JdbcTamperEventRepository(source);
        this.overlays = new JdbcOverlayRepository(source);
        this.casework = new JdbcCaseworkRepository(source);
        this.settings = new JdbcSchoolSettingsRepository(source);
        this.retention = new JdbcRetentionRepository(source);
        this.urgentOutbox = new JdbcUrgentOutbox(source);
        this.onCall = new JdbcOnCallRepository(source);
    }

    UrgentOutbox urgentOutbox() {
        return urgentOutbox;
    }

    OnCallRepository onCall() {
        return onCall;
    }

    static ConsoleApp open(DatabaseConfig database, Path dataDir, Clock clock, SecureRandom random) {
        Database db = Database.open(database, dataDir);
        try {
            return new ConsoleApp(db, dataDir, clock, random);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The school's directory, audited ({@code directory import} and {@code user link}). */
    io.vigil.console.audit.AuditedDirectory directory() {
        return new io.vigil.console.audit.AuditedDirectory(new io.vigil.console.store.jdbc.JdbcDirectory(
                database().dataSource()), audit, java.time.Clock.systemUTC());
    }

    /** The named school's id (the only school when no name is given). */
    long schoolId(Optional<String> schoolName) {
        return schools.requireSchool(schoolName).id();
    }

    /** Creates an enrolment token for the named school (or the only one) and audits who did. */
    String createToken(String actor, Optional<String> schoolName) {
        return createToken(actor, schools.requireSchool(schoolName));
    }

    /** As {@link #createToken(String, Optional)}, adding the school first if it is new (demo and tests). */
    String createTokenAddingSchool(String actor, String schoolName) {
        return createToken(actor, schoolNamedOrAdded(actor, schoolName));
    }

    private String createToken(String actor, School school) {
        return tokenAdmin.create(actor, school, Optional.empty()).secret();
    }

    /** @param expires as typed: a period (7d, 12h) or a date; empty for a token that works until revoked */
    Enrolment.NewToken createToken(String actor, Optional<String> schoolName, Optional<String> expires) {
        School school = schools.requireSchool(schoolName);
        return tokenAdmin.create(actor, school, expires.map(e -> TokenExpiry.parse(e, clock.instant())));
    }

    /** Every school's tokens, or the named school's. */
    List<EnrolmentToken> listTokens(String actor, Optional<String> schoolName) {
        Scope scope = schoolName.map(n -> Scope.of(schools.requireSchool(n).id()))
                .orElseGet(this::everySchool);
        return tokenAdmin.list(actor, scope);
    }

    EnrolmentToken revokeToken(String actor, long id) {
        return tokenAdmin.revoke(actor, id, everySchool());
    }

    /** The command line acts for the whole console: whoever holds the data directory holds every school. */
    private Scope everySchool() {
        return new Scope(schools.all().stream().map(School::id).collect(java.util.stream.Collectors.toSet()));
    }

    /** Adds a user to a school or (a deliberate, audited grant) a trust; returns where, in words. */
    String addUser(String actor, String username, Set<Role> roles, ConsoleOperations.Membership where,
                   String password, Optional<byte[]> totpSecret) {
        if (where.trust().isPresent()) {
            Trust trust = schools.requireTrust(where.trust().get());
            userAdmin.add(actor, username, roles, Membership.trust(trust.id()), password, totpSecret);
            return "every school in trust " + trust.name();
        }
        School school = schools.requireSchool(where.school());
        userAdmin.add(actor, username, roles, Membership.school(school.id()), password, totpSecret);
        return "school " + school.name();
    }

    UserAdmin userAdmin() {
        return userAdmin;
    }

    /** Creates the user in the named school (added if new), or resets their password and roles (the demo). */
    SecondFactors.Enrolment addOrResetUser(String actor, String username, Set<Role> roles, String schoolName,
                                           String password) {
        userAdmin.addOrResetPassword(actor, username, roles,
                Membership.school(schoolNamedOrAdded(actor, schoolName).id()), password);
        return userAdmin.enrolTotp(actor, username, Optional.empty());
    }

    /** Sets the school's on-call order for urgent alerts (see {@link OnCallAdmin}); returns the school's name. */
    String setOnCall(String actor, Optional<String> schoolName, List<OnCallPerson> people,
                     Optional<Integer> minSeverity, Optional<Integer> escalateAfterMinutes) {
        School school = schools.requireSchool(schoolName);
        new OnCallAdmin(onCall, users, audit, clock).set(actor, school, people, minSeverity, escalateAfterMinutes);
        return school.name();
    }

    void addSchool(String actor, String name, Optional<String> trust) {
        School school = schools.addSchool(name, trust);
        audit.record(actor, AuditAction.SCHOOL_ADD, "school=" + school.id() + " " + school.name()
                + school.trustId().map(t -> " trust=" + t).orElse(""));
    }

    void addTrust(String actor, String name) {
        Trust trust = schools.addTrust(name);
        audit.record(actor, AuditAction.TRUST_ADD, "trust=" + trust.id() + " " + trust.name());
    }

    private School schoolNamedOrAdded(String actor, String name) {
        try {
            return schools.requireSchool(name);
        } catch (ConsoleException unknown) {
            addSchool(actor, name, Optional.empty());
            return schools.requireSchool(name);
        }
    }

    /** The schools a user may see: their own, or every school of the trust they were granted. */
    Scope scopeOf(User user) {
        return schools.scopeOf(user.membership()).forReader(Readership.of(user.username(), user.roles()));
    }

    Login login() {
        return login;
    }

    Secrets secrets() {
        return secrets;
    }

    AlertRepository alerts() {
        return alerts;
    }

    DeviceRepository devices() {
        return devices;
    }

    FilterEventRepository filterEvents() {
        return filterEvents;
    }

    NoticeAcceptanceRepository noticeAcceptances() {
        return noticeAcceptances;
    }

    UserRepository users() {
        return users;
    }

    SessionRepository sessions() {
        return sessions;
    }

    AuditLog audit() {
        return audit;
    }

    IndexOutbox indexOutbox() {
        return indexOutbox;
    }

    RetentionRepository retention() {
        return retention;
    }

    SchoolSettingsRepository settings() {
        return settings;
    }

    CaseworkRepository casework() {
        return casework;
    }

    ScreenshotRepository screenshots() {
        return screenshots;
    }

    /** Tamper events devices report (a killed helper, a changed config or DNS setting). */
    io.vigil.console.store.jdbc.JdbcTamperEventRepository tamperEvents() {
        return tamperEvents;
    }

    /** Browsing counts and review requests from devices (the ingest seam), and reads of filtering records. */
    JdbcFilteringReports filtering() {
        return filtering;
    }

    OverlayRepository overlays() {
        return overlays;
    }

    PolicyRepository policies() {
        return policies;
    }

    Schools schools() {
        return schools;
    }

    TokenAdmin tokenAdmin() {
        return tokenAdmin;
    }

    FleetRepository fleet() {
        return fleet;
    }

    Enrolment enrolment() {
        return enrolment;
    }

    /** The database itself, for backup and restore. */
    Database database() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }
}
