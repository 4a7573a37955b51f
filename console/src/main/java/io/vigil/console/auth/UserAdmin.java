package io.vigil.console.auth;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Membership;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.User;
import io.vigil.console.domain.UserRepository;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Creates console users and manages their lifecycle: second factor, disable and enable, password reset and
 * roles. Each change is audit-logged, and each change to what a user can do ends their sessions at once,
 * so a browser left signed in elsewhere cannot keep the old access.
 */
public final class UserAdmin {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwords;
    private final SecondFactors secondFactors;
    private final SessionRepository sessions;
    private final AuditLog audit;
    private final Clock clock;

    public UserAdmin(UserRepository users, PasswordHasher hasher, PasswordPolicy passwords,
                     SecondFactors secondFactors, SessionRepository sessions, AuditLog audit, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.passwords = passwords;
        this.secondFactors = secondFactors;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param totpSecret a secret the administrator already put in the user's app; empty to set one up later */
    public Optional<SecondFactors.Enrolment> add(String actor, String username, Set<Role> roles,
                                                 Membership membership, String password, Optional<byte[]> totpSecret) {
        checkUsername(username);
        checkRoles(roles);
        passwords.check(password, username);
        users.create(username, roles, hasher.hash(password), membership, clock.instant());
        audit.record(actor, AuditAction.USER_ADD, "username=" + username + " roles=" + ids(roles)
                + membership.schoolId().map(id -> " school=" + id).orElse(""));
        // Seeing every school of a trust is never a default: it is recorded as a grant of its own.
        membership.trustId().ifPresent(trust ->
                audit.record(actor, AuditAction.USER_TRUST_GRANT, "username=" + username + " trust=" + trust));
        return totpSecret.map(secret -> enrolTotp(actor, username, Optional.of(secret)));
    }

    /** Creates the user, or resets the password and roles of an existing one (used by the demo). */
    public void addOrResetPassword(String actor, String username, Set<Role> roles, Membership membership,
                                   String password) {
        if (users.find(username).isEmpty()) {
            add(actor, username, roles, membership, password, Optional.empty());
            return;
        }
        checkRoles(roles);
        resetPassword(actor, username, password);
        setRoles(actor, username, roles);
    }

    /** Sets up (or replaces) the user's TOTP secret; the result is shown once and never stored in the clear. */
    public SecondFactors.Enrolment enrolTotp(String actor, String username, Optional<byte[]> secret) {
        User user = require(username);
        SecondFactors.Enrolment enrolment = secret.map(s -> secondFactors.enrol(user, s))
                .orElseGet(() -> secondFactors.enrol(user));
        audit.record(actor, AuditAction.USER_TOTP_SET, "username=" + username);
        return enrolment;
    }

    public void resetPassword(String actor, String username, String password) {
        require(username);
        passwords.check(password, username);
        users.updatePassword(username, hasher.hash(password));
        int ended = sessions.deleteForUser(username);
        audit.record(actor, AuditAction.USER_PASSWORD_RESET, "username=" + username + " sessions_ended=" + ended);
    }

    public void setRoles(String actor, String username, Set<Role> roles) {
        require(username);
        checkRoles(roles);
        users.setRoles(username, roles);
        int ended = sessions.deleteForUser(username);
        audit.record(actor, AuditAction.USER_ROLES_SET, "username=" + username + " roles=" + ids(roles)
                + " sessions_ended=" + ended);
    }

    public void setDisabled(String actor, String username, boolean disabled) {
        require(username);
        if (disabled && actor.equals(username)) {
            throw new ConsoleException("you cannot disable your own account; ask another administrator");
        }
        users.setDisabled(username, disabled);
        int ended = disabled ? sessions.deleteForUser(username) : 0;
        audit.record(actor, disabled ? AuditAction.USER_DISABLE : AuditAction.USER_ENABLE,
                "username=" + username + (disabled ? " sessions_ended=" + ended : ""));
    }

    /** The user, if they exist and {@code scope} check passes; used by the web layer to confine managers. */
    public Optional<User> find(String username) {
        return users.find(username);
    }

    private User require(String username) {
        return users.find(username).orElseThrow(() -> new ConsoleException("no user '" + username + "'"));
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
