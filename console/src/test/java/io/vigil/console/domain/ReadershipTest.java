package io.vigil.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which alerts each role receives: conflict of interest, deny by default. */
class ReadershipTest {

    @Test
    void eachRoleReceivesItsOwnRouteAndOthersNone() {
        assertEquals(Set.of(Route.SAFEGUARDING), Readership.of("k", Set.of(Role.DSL)).routes());
        assertEquals(Set.of(Route.SAFEGUARDING), Readership.of("k", Set.of(Role.DEPUTY_DSL)).routes());
        assertEquals(Set.of(Route.HEADTEACHER), Readership.of("h", Set.of(Role.HEADTEACHER)).routes());
        assertEquals(Set.of(Route.CHAIR_OF_GOVERNORS), Readership.of("c", Set.of(Role.CHAIR_OF_GOVERNORS)).routes());
        for (Role role : EnumSet.of(Role.IT_PROVIDER, Role.ONLINE_SAFETY_LEAD, Role.GOVERNOR, Role.AUDITOR)) {
            assertTrue(Readership.of("x", Set.of(role)).seesNothing(), role.id());
        }
    }

    @Test
    void aHeadWhoIsAlsoTheDslReceivesBothRoutesAndNeverTheirOwn() {
        Readership r = Readership.of("Mrs.Head", Set.of(Role.HEADTEACHER, Role.DSL));
        assertEquals(Set.of(Route.SAFEGUARDING, Route.HEADTEACHER), r.routes());
        assertEquals("mrs.head", r.reader());
        assertFalse(r.unrestricted());
    }

    @Test
    void onlyTheConsoleItselfIsUnrestrictedAndScopesKeepTheirReaderWhenNarrowed() {
        assertTrue(Scope.of(1, 2).readership().unrestricted());
        Scope reader = Scope.of(1, 2).forReader(Readership.of("k", Set.of(Role.DSL)));
        assertEquals(Readership.of("k", Set.of(Role.DSL)), reader.narrowTo(2).readership());
        assertTrue(Scope.of(1).forReader(Readership.of("it", Set.of(Role.IT_PROVIDER))).seesNoAlerts());
        assertTrue(Scope.nothing().seesNoAlerts());
    }

    @Test
    void theRoutedReadingPermissionIsHeldOnlyByTheRolesThatReceiveARoute() {
        for (Role role : Role.values()) {
            assertEquals(role.permissions().contains(Permission.ALERTS_ROUTED),
                    !Readership.of("x", Set.of(role)).routes().isEmpty(), role.id());
        }
    }
}
