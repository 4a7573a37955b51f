package io.vigil.console.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Tamper events from devices: stored once per uuid; read per school. */
public interface TamperEventRepository {

    /** @return false when the uuid was stored before (a resend) */
    boolean storeOnce(TamperEvent event, Instant receivedAt);

    /** Newest first, only the scope's schools. */
    List<StoredTamperEvent> recent(Scope scope, int limit);

    /** How many each device of the scope reported since the instant (device id to count; absent means none). */
    Map<String, Integer> countsSince(Scope scope, Instant since);
}
