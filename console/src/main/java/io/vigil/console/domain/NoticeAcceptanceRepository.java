package io.vigil.console.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage for notice acceptances; idempotent on uuid like alerts, because they share the spool and its resends. */
public interface NoticeAcceptanceRepository {

    /** @return false if an acceptance with this uuid is already stored (a resend); true if stored now */
    boolean storeOnce(NoticeAcceptance acceptance, Instant receivedAt);

    /**
     * The most recent acceptances in the schools of {@code scope}, newest first, at most {@code limit};
     * only {@code user}'s when given.
     */
    List<StoredNoticeAcceptance> inScope(Scope scope, Optional<String> user, int limit);
}
