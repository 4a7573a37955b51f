package io.vigil.console;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.auth.Login;
import io.vigil.console.auth.PasswordHasher;
import io.vigil.console.auth.SessionRepository;
import io.vigil.console.auth.UserAdmin;
import io.vigil.console.domain.AlertRepository;
import io.vigil.console.domain.DeviceRepository;
import io.vigil.console.domain.Enrolment;
import io.vigil.console.domain.FilterEventRepository;
import io.vigil.console.domain.Secrets;
import io.vigil.console.domain.UserRepository;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcAuditLog;
import io.vigil.console.store.jdbc.JdbcDeviceRepository;
import io.vigil.console.store.jdbc.JdbcFilterEventRepository;
import io.vigil.console.store.jdbc.JdbcSessionRepository;
import io.vigil.console.store.jdbc.JdbcTokenRepository;
import io.vigil.console.store.jdbc.JdbcUserRepository;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The console's services over one database, each built exactly once. Command-line operations use it
 * directly; {@link StartedConsole} adds the index and the listeners on top. Whatever must always happen
 * together (creating a token and auditing it) happens here, so no path can do one without the other.
 */
final class ConsoleApp implements AutoCloseable {

    /** Who the audit log names for changes made at the command line (there is no signed-in user). */
    static final String CLI_ACTOR = "cli";

    private final Database db;
    private final Clock clock;
    private final Secrets secrets;
    private final AlertRepository alerts;
    private final DeviceRepository devices;
    private final FilterEventRepository filterEvents;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Enrolment enrolment;
    private final UserAdmin userAdmin;

    private ConsoleApp(Database db, Clock clock, SecureRandom random) {
        this.db = db;
        this.clock = clock;
        var source = db.dataSource();
        this.secrets = new Secrets(random);
        this.alerts = new JdbcAlertRepository(source);
        this.devices = new JdbcDeviceRepository(source);
        this.filterEvents = new JdbcFilterEventRepository(source);
        this.users = new JdbcUserRepository(source);
        this.sessions = new JdbcSessionRepository(source);
        this.audit = new JdbcAuditLog(source, clock);
        this.hasher = new PasswordHasher(random);
        this.enrolment = new Enrolment(new JdbcTokenRepository(source), devices, secrets, clock);
        this.userAdmin = new UserAdmin(users, hasher, audit, clock);
    }

    static ConsoleApp open(Path dataDir, Clock clock, SecureRandom random) {
        Database db = Database.open(dataDir);
        try {
            return new ConsoleApp(db, clock, random);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Creates an enrolment token for {@code school} and audits who did. */
    String createToken(String actor, String school) {
        String token = enrolment.createToken(school);
        audit.record(actor, AuditAction.TOKEN_CREATE, "school=" + school);
        return token;
    }

    Login login() {
        return new Login(users, hasher);
    }

    Clock clock() {
        return clock;
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

    UserRepository users() {
        return users;
    }

    SessionRepository sessions() {
        return sessions;
    }

    AuditLog audit() {
        return audit;
    }

    Enrolment enrolment() {
        return enrolment;
    }

    UserAdmin userAdmin() {
        return userAdmin;
    }

    @Override
    public void close() {
        db.close();
    }
}
