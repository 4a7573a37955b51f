package io.vigil.console.domain;

/**
 * SEAM: where browsing summaries and review requests from devices go. The ingest acknowledges each one once
 * {@link #browsingSummary} or {@link #reviewRequest} returns, and the device then deletes it from its spool,
 * so an implementation must have stored the record durably (idempotent on uuid) before returning.
 *
 * <p>Until the filtering reports have real storage this console runs with {@link #NOT_KEPT}, which keeps
 * nothing: the records leave the device spools (rather than piling up there for ever) and are lost. Replace
 * it, in the composition root, with a store; nothing else needs to change.
 */
public interface FilteringReports {

    /** Allowed-browsing counts for one user and hour; an implementation adds counts for the same (user, domain, hour). */
    void browsingSummary(BrowsingSummary summary);

    /** A user asked for a blocked site to be reviewed. */
    void reviewRequest(ReviewRequest request);

    /** The placeholder: logs at debug and keeps nothing. Not storage; see the class comment. */
    FilteringReports NOT_KEPT = new UnkeptFilteringReports();
}
