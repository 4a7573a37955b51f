package io.vigil.console.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditEntry;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.store.jdbc.JdbcAuditLog;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link AuditLog} promises, whatever database is behind it. */
public interface AuditLogContract extends StoreContract {

    default AuditLog auditAt(java.time.Instant at) {
        return new JdbcAuditLog(dataSource(), Clock.fixed(at, ZoneOffset.UTC));
    }

    @Test
    default void latestIsNewestFirstAndLimited() {
        for (int i = 1; i <= 5; i++) {
            auditAt(T0.plusSeconds(i)).record("dsl", AuditAction.INBOX_VIEW, "alert=" + i);
        }
        List<AuditEntry> latest = auditAt(T0).latest(3);
        assertEquals(List.of("alert=5", "alert=4", "alert=3"), latest.stream().map(AuditEntry::detail).toList());
        assertEquals(T0.plusSeconds(5), latest.getFirst().at());
        assertEquals("dsl", latest.getFirst().actor());
        assertEquals("inbox.view", latest.getFirst().action());
    }

    @Test
    default void entriesWrittenInTheSameInstantKeepTheirOrder() {
        var audit = auditAt(T0);
        audit.record("cli", AuditAction.TOKEN_CREATE, "first");
        audit.record("cli", AuditAction.TOKEN_CREATE, "second");
        assertEquals(List.of("second", "first"), audit.latest(10).stream().map(AuditEntry::detail).toList());
    }

    @Test
    default void searchShowsOnlyTheReadersSchoolsStaffAndFiltersByActorActionAlertAndTime() {
        long oak = school("Oak Primary");
        long elm = school("Elm Academy");
        var users = new io.vigil.console.store.jdbc.JdbcUserRepository(dataSource());
        users.create("oak.dsl", java.util.Set.of(io.vigil.console.domain.Role.DSL), "$argon2id$x",
                io.vigil.console.domain.Membership.school(oak), T0);
        users.create("elm.dsl", java.util.Set.of(io.vigil.console.domain.Role.DSL), "$argon2id$x",
                io.vigil.console.domain.Membership.school(elm), T0);
        auditAt(T0.plusSeconds(1)).record("oak.dsl", AuditAction.ALERT_VIEW, "alert=41 uuid=ab_c%");
        auditAt(T0.plusSeconds(2)).record("oak.dsl", AuditAction.INBOX_VIEW, "ids=41,42");
        auditAt(T0.plusSeconds(3)).record("elm.dsl", AuditAction.ALERT_VIEW, "alert=41");
        auditAt(T0.plusSeconds(4)).record("cli", AuditAction.TOKEN_CREATE, "school=1");
        java.util.function.Function<io.vigil.console.audit.AuditQuery, List<String>> details = q ->
                auditAt(T0).search(q).stream().map(AuditEntry::detail).toList();
        var none = java.util.Optional.<String>empty();
        var noTime = java.util.Optional.<java.time.Instant>empty();
        assertEquals(List.of("ids=41,42", "alert=41 uuid=ab_c%"), details.apply(new io.vigil.console.audit.AuditQuery(
                java.util.Set.of(oak), none, none, none, noTime, noTime, 100)), "never Elm's, never the shell's");
        assertEquals(List.of("alert=41 uuid=ab_c%"), details.apply(new io.vigil.console.audit.AuditQuery(
                java.util.Set.of(oak), java.util.Optional.of("oak.dsl"), java.util.Optional.of("alert.view"), none,
                noTime, noTime, 100)));
        assertEquals(List.of("alert=41 uuid=ab_c%"), details.apply(new io.vigil.console.audit.AuditQuery(
                java.util.Set.of(oak), none, none, java.util.Optional.of("ab_c%"), noTime, noTime, 100)));
        assertEquals(List.of(), details.apply(new io.vigil.console.audit.AuditQuery(
                java.util.Set.of(oak), none, none, java.util.Optional.of("abxc"), noTime, noTime, 100)),
                "_ is not a wildcard");
        assertEquals(List.of("ids=41,42"), details.apply(new io.vigil.console.audit.AuditQuery(java.util.Set.of(oak),
                none, none, none, java.util.Optional.of(T0.plusSeconds(2)), java.util.Optional.of(T0.plusSeconds(3)),
                100)));
    }

    @Test
    default void longDetailIsKeptAndAnOverlongActorIsCutNotRefused() {
        String detail = "q=" + "x".repeat(99_000);
        auditAt(T0).record("a".repeat(300), AuditAction.ALERTS_SEARCH, detail);
        AuditEntry entry = auditAt(T0).latest(1).getFirst();
        assertEquals(detail, entry.detail());
        assertEquals(100, entry.actor().length(), "whatever was typed as a username, cut to the column");
    }
}
