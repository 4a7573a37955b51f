package io.vigil.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The least-privilege promises the role catalogue makes to schools. */
class RoleTest {

    private static Set<Role> holding(Permission permission) {
        return Arrays.stream(Role.values()).filter(r -> r.permissions().contains(permission))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    @Test
    void onlyTheSafeguardingLeadsReadOrTriageAlertContent() {
        assertEquals(EnumSet.of(Role.DSL, Role.DEPUTY_DSL), holding(Permission.ALERTS_READ));
        assertEquals(EnumSet.of(Role.DSL, Role.DEPUTY_DSL), holding(Permission.ALERTS_TRIAGE));
    }

    @Test
    void noRoleThatRunsTheFleetCanAlsoGrantItselfMoreAccess() {
        for (Role role : holding(Permission.DEVICES_MANAGE)) {
            assertFalse(role.permissions().contains(Permission.USERS_MANAGE), role.id());
        }
    }

    @Test
    void everyPermissionIsHeldBySomeRole() {
        for (Permission permission : Permission.values()) {
            assertFalse(holding(permission).isEmpty(), permission.id());
        }
    }

    @Test
    void aPersonWithSeveralRolesMayDoWhatEachAllows() {
        User headAndDsl = new User(1, "head", Set.of(Role.HEADTEACHER, Role.DSL), "h", false, Membership.school(1));
        assertTrue(headAndDsl.may(Permission.ALERTS_READ));
        assertTrue(headAndDsl.may(Permission.USERS_MANAGE));
        assertFalse(headAndDsl.may(Permission.DEVICES_MANAGE));
    }

    @Test
    void idsAreTheDocumentedOnes() {
        assertEquals("alerts.read", Permission.ALERTS_READ.id());
        assertEquals("changes.approve", Permission.CHANGES_APPROVE.id());
        assertEquals("it_provider", Role.IT_PROVIDER.id());
        assertEquals(Role.CHAIR_OF_GOVERNORS, Role.fromId("chair_of_governors"));
    }
}
