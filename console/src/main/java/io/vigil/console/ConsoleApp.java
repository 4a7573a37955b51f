package io.vigil.console;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.auth.Login;
import io.vigil.console.auth.PasswordHasher;
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
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.Secrets;
import io.vigil.console.domain.Trust;
import io.vigil.console.domain.User;
import io.vigil.console.domain.UserRepository;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
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
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
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

    private ConsoleApp(Database db, Clock clock, SecureRandom random) {
        this.db = db;
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
        this.enrolment = new Enrolment(new JdbcTokenRepository(source), devices, secrets, clock);
        this.userAdmin = new UserAdmin(users, hasher, audit, clock);
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
    }

    static ConsoleApp open(DatabaseConfig database, Path dataDir, Clock clock, SecureRandom random) {
        Database db = Database.open(database, dataDir);
        try {
            return new ConsoleApp(db, clock, random);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
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
        String token = enrolment.createToken(school);
        audit.record(actor, AuditAction.TOKEN_CREATE, "school=" + school.id() + " " + school.name());
        return token;
    }

    /** Adds a user to a school or (a deliberate, audited grant) a trust; returns where, in words. */
    String addUser(String actor, String username, Set<Role> roles, ConsoleOperations.Membership where,
                   String password) {
        if (where.trust().isPresent()) {
            Trust trust = schools.requireTrust(where.trust().get());
            userAdmin.add(actor, username, roles, Membership.trust(trust.id()), password);
            return "every school in trust " + trust.name();
        }
        School school = schools.requireSchool(where.school());
        userAdmin.add(actor, username, roles, Membership.school(school.id()), password);
        return "school " + school.name();
    }

    /** Creates the user in the named school (added if new), or resets their password and roles (the demo). */
    void addOrResetUser(String actor, String username, Set<Role> roles, String schoolName, String password) {
        userAdmin.addOrResetPassword(actor, username, roles,
                Membership.school(schoolNamedOrAdded(actor, schoolName).id()), password);
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
        return schools.scopeOf(user.membership());
    }

    Login login() {
        return new Login(users, hasher);
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
