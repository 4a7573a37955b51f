package io.vigil.console.testing;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditEntry;
import io.vigil.console.audit.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An {@link AuditLog} in a list, newest last, for fast unit tests. */
public final class InMemoryAuditLog implements AuditLog {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(String actor, AuditAction action, String detail) {
        entries.add(new AuditEntry(Instant.now(), actor, action.id(), detail));
    }

    @Override
    public synchronized List<AuditEntry> latest(int max) {
        List<AuditEntry> newestFirst = new ArrayList<>(entries.reversed());
        return List.copyOf(newestFirst.subList(0, Math.min(max, newestFirst.size())));
    }

    public synchronized long count(AuditAction action) {
        return entries.stream().filter(e -> e.action().equals(action.id())).count();
    }
}
