package io.vigil.console.auth;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Membership;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.UserRepository;
import java.time.Clock;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Creates console users, resets passwords and sets roles; each change is audit-logged. */
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

    public void add(String actor, String username, Set<Role> roles, Membership membership, String password) {
        checkUsername(username);
        checkRoles(roles);
        PasswordPolicy.check(password);
        users.create(username, roles, hasher.hash(password), membership, clock.instant());
        audit.record(actor, AuditAction.USER_ADD, "username=" + username + " roles=" + ids(roles)
                + membership.schoolId().map(id -> " school=" + id).orElse(""));
        // Seeing every school of a trust is never a default: it is recorded as a grant of its own.
        membership.trustId().ifPresent(trust ->
                audit.record(actor, AuditAction.USER_TRUST_GRANT, "username=" + username + " trust=" + trust));
    }

    /** Creates the user, or resets the password and roles of an existing one (used by the demo). */
    public void addOrResetPassword(String actor, String username, Set<Role> roles, Membership membership,
                                   String password) {
        if (users.find(username).isEmpty()) {
            add(actor, username, roles, membership, password);
            return;
        }
        checkRoles(roles);
        PasswordPolicy.check(password);
        users.updatePassword(username, hasher.hash(password));
        audit.record(actor, AuditAction.USER_PASSWORD_RESET, "username=" + username);
        users.setRoles(username, roles);
        audit.record(actor, AuditAction.USER_ROLES_SET, "username=" + username + " roles=" + ids(roles));
    }

    static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new ConsoleException("invalid username '" + username + "': use 1-100 letters, digits, '.', '_',"
                    + " '@' or '-', starting with a letter or digit");
        }
    }

    private static void checkRoles(Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new ConsoleException("a user needs at least one role; expected one or more of: " + Role.ids());
        }
    }

    private static String ids(Set<Role> roles) {
        return roles.stream().sorted().map(Role::id).collect(Collectors.joining(","));
    }
}
