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

    /** Filters by actor, action, alert and time only: the fake knows no schools. */
    @Override
    public synchronized List<AuditEntry> search(io.vigil.console.audit.AuditQuery query) {
        return latest(Integer.MAX_VALUE).stream()
                .filter(e -> query.actor().map(e.actor()::equals).orElse(true))
                .filter(e -> query.action().map(e.action()::equals).orElse(true))
                .filter(e -> query.alert().map(e.detail()::contains).orElse(true))
                .filter(e -> query.from().map(f -> !e.at().isBefore(f)).orElse(true))
                .filter(e -> query.to().map(e.at()::isBefore).orElse(true))
                .limit(query.limit()).toList();
    }

    public synchronized long count(AuditAction action) {
        return entries.stream().filter(e -> e.action().equals(action.id())).count();
    }
}
