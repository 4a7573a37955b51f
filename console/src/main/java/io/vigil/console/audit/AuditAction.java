package io.vigil.console.audit;

import java.util.Locale;

/**
 * Everything the audit log records. An enum, so a reader of the log (or a report over it) can rely on the
 * full list here, and a typo cannot invent a new action. Ids ({@code session.open}) are what the table holds.
 */
public enum AuditAction {
    SESSION_OPEN,
    SESSION_FAILED,
    SESSION_CLOSE,
    /** A signed-in user asked for something their roles do not allow. */
    ACCESS_DENIED,
    /** Alert content returned through the JSON API. */
    ALERTS_SEARCH,
    /** Alert content shown in the inbox page or its refreshed rows. */
    INBOX_VIEW,
    /** A screenshot (alert evidence) shown to a safeguarding role. */
    ALERT_SCREENSHOT_VIEW,
    /** One alert's page (or API record) opened: its content, case and the pupil's earlier alerts. */
    ALERT_VIEW,
    /** A change to an alert's case (acknowledge, assign, status, note, outcome, CPOMS, referral, hold). */
    ALERT_UPDATE,
    /** A concern logged by hand by a safeguarding user (a disclosure, something off site). */
    INCIDENT_LOG,
    /** An alert's incident record exported (print, PDF or CSV). */
    ALERT_EXPORT,
    /** Per-rule precision counts read by a list owner (no alert content). */
    RULES_PRECISION,
    /** The daily purge removed expired records (the detail says what). */
    RETENTION_PURGE,
    /** A school's retention settings changed. */
    RETENTION_SET,
    DEVICES_LIST,
    TAMPER_EVENTS_LIST,
    /** Who accepted the device monitoring notice, and when, shown to a safeguarding role. */
    NOTICE_ACCEPTANCES_VIEW,
    TOKEN_CREATE,
    USER_ADD,
    USER_PASSWORD_RESET,
    USER_ROLES_SET,
    /** A user was given every school of a trust: never a default, always recorded. */
    USER_TRUST_GRANT,
    SCHOOL_ADD,
    TRUST_ADD,
    BACKUP_RESTORE,
    /** A filter policy version was stored, signed and sent to the school's devices. */
    POLICY_PUBLISH,
    /** A filter policy upload was stored as a change waiting for a second approver. */
    POLICY_CHANGE_REQUEST,
    /** A leader approved someone else's policy change: signed, made live and pushed. */
    POLICY_APPROVE,
    /** A leader rejected a policy change; it was never signed or pushed. */
    POLICY_REJECT,
    /** A filter policy upload was refused as invalid; nothing was stored. */
    POLICY_REFUSED,
    /** The school's policy versions and what each device runs were listed. */
    POLICY_HISTORY_VIEW,
    /** Filter events (a pupil's blocked requests) were read. */
    FILTER_EVENTS_SEARCH,
    /** Browsing counts (sites a pupil visited) were read. */
    BROWSING_VIEW,
    /** Over-blocking review requests were listed. */
    REVIEW_REQUESTS_LIST,
    /** A nominated user was given time-limited access to a blocked category. */
    FILTER_ACCESS_GRANT,
    /** A pupil was placed in the suspended group (internet withdrawn) until a time. */
    PUPIL_SUSPEND,
    /** The grants and suspensions in force were listed. */
    FILTER_OVERLAYS_LIST;

    /** The stored id, e.g. {@code session.open} or {@code user.password_reset}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
    }
}
