package io.vigil.console.domain;

import java.util.Set;

/**
 * Who asks, as publishing (keyword lists and filter policy) needs to know: the name for the change log, roles
 * and schools for four eyes.
 */
public record Actor(String username, Set<Role> roles, Scope scope) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean may(Permission permission) {
        return Role.permissionsOf(roles).contains(permission);
    }

    /** A second provider approver: holds the IT provider role and sees every school the change affects. */
    public boolean providerApproverFor(java.util.Collection<Long> schools) {
        return roles.contains(Role.IT_PROVIDER) && may(Permission.LISTS_PUBLISH)
                && scope.schoolIds().containsAll(schools);
    }

    /** A leader of the school: DSL or headteacher (both hold changes.approve) with the school in scope. */
    public boolean leaderOf(long schoolId) {
        return may(Permission.CHANGES_APPROVE) && scope.contains(schoolId);
    }
}
