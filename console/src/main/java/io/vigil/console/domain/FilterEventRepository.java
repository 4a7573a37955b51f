package io.vigil.console.domain;

import java.time.Instant;

/** Storage for filter events; idempotent on uuid like alerts, because they share the spool and its resends. */
public interface FilterEventRepository {

    boolean storeOnce(FilterEventRecord event, Instant receivedAt);
}
