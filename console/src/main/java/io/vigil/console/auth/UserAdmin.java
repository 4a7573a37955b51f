package io.vigil.console.auth;

import io.vigil.console.audit.AuditLog;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Membership;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.UserRepository;
import java.time.Clock;
import java.util.regex.Pattern;

/** Creates console users and resets passwords; each change is audit-logged. */
public final class UserAdmin {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    public UserAdmin(UserRepository users, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    public void add(String actor, String username, Role role, Membership membership, String password) {
        checkUsername(username);
        PasswordPolicy.check(password);
        users.create(username, role, hasher.hash(password), membership, clock.instant());
        audit.record(actor, "user.add", "username=" + username + " role=" + role.id()
                + membership.schoolId().map(id -> " school=" + id).orElse(""));
        // Seeing every school of a trust is never a default: it is recorded as a grant of its own.
        membership.trustId().ifPresent(trust ->
                audit.record(actor, "user.trust_grant", "username=" + username + " trust=" + trust));
    }

    /** Creates the user, or resets the password of an existing one (used by the demo). */
    public void addOrResetPassword(String actor, String username, Role role, Membership membership,
                                   String password) {
        if (users.find(username).isEmpty()) {
            add(actor, username, role, membership, password);
            return;
        }
        PasswordPolicy.check(password);
        users.updatePassword(username, hasher.hash(password));
        audit.record(actor, "user.password_reset", "username=" + username);
    }

    static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new ConsoleException("invalid username '" + username + "': use 1-100 letters, digits, '.', '_',"
                    + " '@' or '-', starting with a letter or digit");
        }
    }
}
