package io.vigil.console.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Durable alert storage: the console's source of truth (the search index can always be rebuilt from it). */
public interface AlertRepository {

    /**
     * Stores an alert unless one with the same uuid is already stored, with an index outbox entry for every
     * console node. Returns only after the commit, so the caller may acknowledge the alert to the device.
     *
     * @return true if stored now, false if it was a duplicate
     */
    boolean storeOnce(NewAlert alert, Instant receivedAt);

    /**
     * Like {@link #storeOnce} for each alert, as one transaction made durable by one sync to disk: the group
     * commit that lets a busy console share the cost of a sync among many alerts. Returns only after that sync.
     *
     * @return for each alert in order, true if stored now, false if it was a duplicate (also within the batch)
     */
    default List<Boolean> storeAll(List<NewAlert> batch, Instant receivedAt) {
        return batch.stream().map(a -> storeOnce(a, receivedAt)).toList();
    }

    /** Alerts with row id greater than {@code rowId}, in row id order, at most {@code max} (full index builds). */
    List<StoredAlert> afterRowId(long rowId, int max);

    /** The alerts with these row ids that exist, keyed by row id. */
    Map<Long, StoredAlert> byRowIds(Collection<Long> rowIds);

    /**
     * Which of these alerts {@code scope} may read (its schools and its reader's routing): the search index is a
     * copy that knows nothing of routing, so every hit is re-checked here before it is shown or counted.
     */
    java.util.Set<Long> visible(Collection<Long> rowIds, Scope scope);

    /**
     * A page of alerts matching the structured filters and scope (not {@code text}), most urgent then newest
     * first, with the exact total. Filtering, ordering and paging happen in the database.
     */
    AlertPage find(AlertQuery query);
}
