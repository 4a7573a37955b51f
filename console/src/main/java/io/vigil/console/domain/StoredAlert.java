package io.vigil.console.domain;

import java.time.Instant;
import java.util.List;

/**
 * An alert read back from the store, joined with its device's hostname.
 *
 * @param rowId    database id
 * @param schoolId the school of the device that raised it
 * @param assignee the safeguarding user the case is assigned to, "" if nobody yet
 */
public record StoredAlert(long rowId, String uuid, String deviceId, String deviceHostname, long schoolId,
                          long sequence, String category, int severity, int score, List<String> ruleIds,
                          String snippet, String app, String windowTitle, String url, String user,
                          Instant occurredAt, Instant receivedAt, String source, String listVersion,
                          AlertStatus status, String language, String assignee) {

    public StoredAlert {
        ruleIds = List.copyOf(ruleIds);
        assignee = assignee == null ? "" : assignee;
    }

    /** An alert nobody is assigned to yet. */
    public StoredAlert(long rowId, String uuid, String deviceId, String deviceHostname, long schoolId, long sequence,
                       String category, int severity, int score, List<String> ruleIds, String snippet, String app,
                       String windowTitle, String url, String user, Instant occurredAt, Instant receivedAt,
                       String source, String listVersion, AlertStatus status, String language) {
        this(rowId, uuid, deviceId, deviceHostname, schoolId, sequence, category, severity, score, ruleIds, snippet,
                app, windowTitle, url, user, occurredAt, receivedAt, source, listVersion, status, language, "");
    }

    /** An alert whose language is not known (stored before alerts carried one). */
    public StoredAlert(long rowId, String uuid, String deviceId, String deviceHostname, long schoolId, long sequence,
                       String category, int severity, int score, List<String> ruleIds, String snippet, String app,
                       String windowTitle, String url, String user, Instant occurredAt, Instant receivedAt,
                       String source, String listVersion, AlertStatus status) {
        this(rowId, uuid, deviceId, deviceHostname, schoolId, sequence, category, severity, score, ruleIds, snippet,
                app, windowTitle, url, user, occurredAt, receivedAt, source, listVersion, status, "");
    }
}
