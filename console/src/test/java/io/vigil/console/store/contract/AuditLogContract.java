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
    default void longDetailIsKeptAndAnOverlongActorIsCutNotRefused() {
        String detail = "q=" + "x".repeat(99_000);
        auditAt(T0).record("a".repeat(300), AuditAction.ALERTS_SEARCH, detail);
        AuditEntry entry = auditAt(T0).latest(1).getFirst();
        assertEquals(detail, entry.detail());
        assertEquals(100, entry.actor().length(), "whatever was typed as a username, cut to the column");
    }
}
