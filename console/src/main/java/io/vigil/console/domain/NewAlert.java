package io.vigil.console.domain;

import java.time.Instant;
import java.util.List;

/** An alert as received from a device, already validated by {@link AlertValidator}. */
public record NewAlert(String uuid, String deviceId, long sequence, String category, int severity, int score,
                       List<String> ruleIds, String snippet, String app, String windowTitle, String url,
                       String user, Instant occurredAt, String source, String listVersion, String language) {

    public NewAlert {
        ruleIds = List.copyOf(ruleIds);
        language = LanguageCode.clean(language);
    }

    /** An alert whose language is not known (older agents). */
    public NewAlert(String uuid, String deviceId, long sequence, String category, int severity, int score,
                    List<String> ruleIds, String snippet, String app, String windowTitle, String url, String user,
                    Instant occurredAt, String source, String listVersion) {
        this(uuid, deviceId, sequence, category, severity, score, ruleIds, snippet, app, windowTitle, url, user,
                occurredAt, source, listVersion, "");
    }

    /** The same alert with another occurrence time (see {@link OccurrenceTime}). */
    public NewAlert withOccurredAt(Instant time) {
        return new NewAlert(uuid, deviceId, sequence, category, severity, score, ruleIds, snippet, app, windowTitle,
                url, user, time, source, listVersion, language);
    }
}
