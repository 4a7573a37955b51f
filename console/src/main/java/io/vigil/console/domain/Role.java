package io.vigil.console.domain;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A named set of {@link Permission}s, matching the people a UK school actually has (KCSIE roles). One
 * person may hold several roles: in a small primary the DSL is often the headteacher.
 *
 * <p>Least privilege decides each set. Only the DSL and deputies read alert content. The IT provider runs the
 * fleet but never sees what pupils wrote, and cannot manage users (else it could make itself a DSL). Governors
 * and the headteacher see anonymised reports; the headteacher manages users and approves changes; the
 * auditor reads only the audit log. Conflict of interest: the headteacher reads alerts about staff (and only
 * those), the chair of governors alerts about the headteacher ({@link Permission#ALERTS_ROUTED}, {@link Route}).
 */
public enum Role {
    DSL("Designated Safeguarding Lead", Permission.ALERTS_READ, Permission.ALERTS_ROUTED, Permission.DIRECTORY_MANAGE, Permission.ALERTS_TRIAGE, Permission.DEVICES_READ,
            Permission.REPORTS_READ, Permission.CHANGES_APPROVE, Permission.AUDIT_READ, Permission.FILTER_GRANT,
            Permission.PUPIL_SUSPEND, Permission.CASES_ACT),
    DEPUTY_DSL("Deputy DSL", Permission.ALERTS_READ, Permission.ALERTS_ROUTED, Permission.DIRECTORY_MANAGE, Permission.ALERTS_TRIAGE, Permission.DEVICES_READ,
            Permission.REPORTS_READ, Permission.FILTER_GRANT, Permission.CASES_ACT),
    ONLINE_SAFETY_LEAD("Online Safety Lead", Permission.LISTS_PUBLISH, Permission.DEVICES_READ,
            Permission.REPORTS_READ, Permission.FILTER_GRANT),
    IT_PROVIDER("IT provider", Permission.DEVICES_READ, Permission.DEVICES_MANAGE, Permission.LISTS_PUBLISH),
    HEADTEACHER("Headteacher", Permission.ALERTS_ROUTED, Permission.REPORTS_READ, Permission.CHANGES_APPROVE, Permission.USERS_MANAGE,
            Permission.AUDIT_READ, Permission.CASES_ACT),
    CHAIR_OF_GOVERNORS("Chair of governors", Permission.ALERTS_ROUTED, Permission.REPORTS_READ, Permission.AUDIT_READ,
            Permission.CASES_ACT),
    GOVERNOR("Governor", Permission.REPORTS_READ),
    AUDITOR("Auditor", Permission.AUDIT_READ);

    private final String title;
    private final Set<Permission> permissions;

    Role(String title, Permission first, Permission... rest) {
        this.title = title;
        this.permissions = Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    /** How the role is named to people, e.g. "Deputy DSL". */
    public String title() {
        return title;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** The name used on the command line and in the database, e.g. {@code deputy_dsl}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromId(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return role;
            }
        }
        throw new ConsoleException("unknown role '" + id + "'; expected one of: " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "));
    }

    /** Everything the holder of all these roles may do. */
    /**
     * Whether these roles sign in with a second factor: the safeguarding roles (they read what children typed)
     * and anyone who can publish or approve lists and filter policy (a change there reaches every device).
     */
    public static boolean needsSecondFactor(Set<Role> roles) {
        Set<Permission> permissions = permissionsOf(roles);
        return roles.contains(DSL) || roles.contains(DEPUTY_DSL) || permissions.contains(Permission.LISTS_PUBLISH)
                || permissions.contains(Permission.CHANGES_APPROVE);
    }

    public static Set<Permission> permissionsOf(Set<Role> roles) {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        roles.forEach(r -> all.addAll(r.permissions()));
        return all;
    }
}
