package io.vigil.agent.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A safeguarding alert as the agent raised it, before it has a spool sequence. Carries only the
 * bounded snippet around the match, never the text stream it came from.
 *
 * @param uuid        idempotency key: the console stores an alert once however often it is resent
 * @param source      where the text came from: "keyboard", "window_title", "replay"
 * @param listVersion content hash of the keyword lists that produced the match
 * @param screenshot  the screen when the alert was raised, for the categories a school opted into
 * @param language    ISO code of the language the pupil wrote in (from the matching rule), "" if unknown
 */
public record AlertRecord(UUID uuid, String category, int severity, int score, List<String> ruleIds,
                          String snippet, String app, String windowTitle, String url, String user,
                          Instant occurredAt, String source, String listVersion, Optional<Screenshot> screenshot,
                          String language) implements DeviceRecord {

    /** Mirrors the console's limit, so an alert the agent keeps is one the console accepts. */
    public static final int MAX_SNIPPET_CHARS = 500;
    /** The console keeps this much of a title; a longer one could push an alert past its message limit. */
    public static final int MAX_WINDOW_TITLE_CHARS = 1000;
    /** Mirrors the console's column: a language code, never text. */
    public static final int MAX_LANGUAGE_CHARS = 16;

    public AlertRecord {
        Objects.requireNonNull(uuid);
        Objects.requireNonNull(category);
        Objects.requireNonNull(snippet);
        Objects.requireNonNull(app);
        Objects.requireNonNull(windowTitle);
        Objects.requireNonNull(url);
        Objects.requireNonNull(user);
        Objects.requireNonNull(occurredAt);
        Objects.requireNonNull(source);
        Objects.requireNonNull(listVersion);
        Objects.requireNonNull(screenshot);
        Objects.requireNonNull(language);
        if (language.length() > MAX_LANGUAGE_CHARS) {
            throw new IllegalArgumentException("language code '" + language + "' is too long");
        }
        ruleIds = List.copyOf(ruleIds);
        if (severity < 1 || severity > 5) {
            throw new IllegalArgumentException("severity " + severity + " is outside 1-5");
        }
        if (snippet.length() > MAX_SNIPPET_CHARS) {
            throw new IllegalArgumentException("snippet of " + snippet.length() + " chars exceeds " + MAX_SNIPPET_CHARS);
        }
    }

    /** An alert without a screenshot (most alerts). */
    public AlertRecord(UUID uuid, String category, int severity, int score, List<String> ruleIds, String snippet,
                       String app, String windowTitle, String url, String user, Instant occurredAt, String source,
                       String listVersion) {
        this(uuid, category, severity, score, ruleIds, snippet, app, windowTitle, url, user, occurredAt, source,
                listVersion, Optional.empty(), "");
    }

    /** As read back from a spool written before alerts carried their language. */
    public AlertRecord(UUID uuid, String category, int severity, int score, List<String> ruleIds, String snippet,
                       String app, String windowTitle, String url, String user, Instant occurredAt, String source,
                       String listVersion, Optional<Screenshot> screenshot) {
        this(uuid, category, severity, score, ruleIds, snippet, app, windowTitle, url, user, occurredAt, source,
                listVersion, screenshot, "");
    }

    @Override
    public String kind() {
        return "alert";
    }

    public AlertRecord withScreenshot(Optional<Screenshot> shot) {
        return new AlertRecord(uuid, category, severity, score, ruleIds, snippet, app, windowTitle, url, user,
                occurredAt, source, listVersion, shot, language);
    }

    public AlertRecord withLanguage(String code) {
        return new AlertRecord(uuid, category, severity, score, ruleIds, snippet, app, windowTitle, url, user,
                occurredAt, source, listVersion, screenshot, code);
    }
}
