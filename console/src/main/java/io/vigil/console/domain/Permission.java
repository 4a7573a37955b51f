package io.vigil.console.domain;

import java.util.Locale;

/**
 * The catalogue of things a console user may be allowed to do. Roles are named sets of these
 * ({@link Role}); every web route declares the one it needs, so access is checked in one place.
 * Ids ({@code alerts.read}) are what the README and audit log show.
 */
public enum Permission {
    /** Read alert content: what a pupil wrote, where and when. Every such read is audit-logged. */
    ALERTS_READ,
    /**
     * Read the alerts routed to you (see {@link Route}): pupils' alerts for the safeguarding team, staff alerts for
     * the headteacher, the headteacher's for the chair of governors; never one about yourself. The inbox, search,
     * alert page and exports need this; the store decides which alerts it covers.
     */
    ALERTS_ROUTED,
    /** Import and read the school's directory, asset log and generic logins; mark priority pupils. */
    DIRECTORY_MANAGE,
    /** Change an alert's status and record what was done about it. */
    ALERTS_TRIAGE,
    /** See the device fleet: hostnames, last user, agent versions. No alert content. */
    DEVICES_READ,
    /** Enrol, revoke and configure devices, create enrolment tokens. */
    DEVICES_MANAGE,
    /** Propose keyword-list and filter-list changes for the school. */
    LISTS_PUBLISH,
    /** Approve proposed list or policy changes before agents receive them (four-eyes). */
    CHANGES_APPROVE,
    /** Read the audit log: who read or changed what. */
    AUDIT_READ,
    /** Read anonymised, aggregated reports (counts by category and week, never content). */
    REPORTS_READ,
    /** Add console users, grant and revoke roles. */
    USERS_MANAGE,
    /**
     * Give oneself or a nominated user time-limited access to a blocked filter category for an investigation
     * (never the illegal-content lists). Audited, and it expires on the device by itself.
     */
    FILTER_GRANT,
    /** Withdraw a pupil's internet (the "suspended" filter group) until a time. Audited; expires by itself. */
    PUPIL_SUSPEND,
    /**
     * Act on the alerts routed to you (acknowledge, assign, notes, status, outcome, referrals): the safeguarding
     * team for pupils, the headteacher for staff, the chair of governors for the headteacher. The store's routing
     * decides which alerts; {@link #ALERTS_TRIAGE} keeps the school-wide safeguarding tasks (incidents, settings).
     */
    CASES_ACT;

    /** The catalogue id, e.g. {@code alerts.read}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
    }
}
