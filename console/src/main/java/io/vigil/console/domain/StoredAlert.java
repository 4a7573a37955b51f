package io.vigil.console.domain;

import java.time.Instant;
import java.util.List;

/**
 * An alert read back from the store, joined with its device's hostname.
 *
 * @param rowId    database id
 * @param schoolId the school of the device that raised it
 */
public record StoredAlert(long rowId, String uuid, String deviceId, String deviceHostname, long schoolId,
                          long sequence, String category, int severity, int score, List<String> ruleIds,
                          String snippet, String app, String windowTitle, String url, String user,
                          Instant occurredAt, Instant receivedAt, String source, String listVersion,
                          AlertStatus status, String language) {

    public StoredAlert {
        ruleIds = List.copyOf(ruleIds);
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
