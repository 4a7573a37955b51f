package io.vigil.console.domain;

import java.util.Collection;
import java.util.List;

/**
 * What a console node's search index still lacks. Storing an alert writes an outbox entry for every registered
 * node in the same transaction, so a committed alert is always in a node's index or in its outbox: no row-id
 * high-water mark, and no lock on the store to protect one. Several nodes sharing one database each drain their
 * own entries.
 */
public interface IndexOutbox {

    /**
     * Registers the node if it is not yet known. Registration waits for alert transactions in flight, so every
     * alert committed afterwards reaches the node's outbox and every earlier one is visible to a full scan.
     *
     * @return true if the node is new here (its index must be built from a full scan of the store)
     */
    boolean register(String nodeId);

    /**
     * Records that the node is still running. A node not seen for {@link #NODE_EXPIRY} is forgotten by the next
     * registration (its index was deleted, rebuilt under a new id, or the machine is gone), so its outbox stops
     * growing.
     */
    void stillAlive(String nodeId);

    java.time.Duration NODE_EXPIRY = java.time.Duration.ofDays(14);

    /** Alerts waiting for this node, oldest first, at most {@code max}. */
    List<StoredAlert> pending(String nodeId, int max);

    /** Removes the entries for these alerts once the node's index has committed them. */
    void done(String nodeId, Collection<Long> alertIds);

    /** How many alerts wait for this node. */
    long pendingCount(String nodeId);
}
