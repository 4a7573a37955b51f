package io.vigil.agent.help;

import io.vigil.agent.alert.AlertRecord;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a pupil's request for help into an alert for the DSL: category {@value #CATEGORY}, source
 * {@value #SOURCE}, the school's configured severity, and the pupil's own words as the snippet. It goes
 * through the same spool as every alert, so it reaches the console however long the device is offline.
 * Not subject to the monitoring scope: a pupil can always ask for help.
 */
public final class HelpDesk {

    public static final String CATEGORY = "pupil_request";
    public static final String SOURCE = "pupil_request";
    /** The console's snippet limit, which the words must fit with the request itself. */
    public static final int MAX_WORDS = 500;
    private static final Logger log = LoggerFactory.getLogger(HelpDesk.class);

    private final Consumer<? super AlertRecord> alerts;
    private final Supplier<String> user;
    private final int severity;
    private final Clock clock;

    public HelpDesk(Consumer<? super AlertRecord> alerts, Supplier<String> user, int severity, Clock clock) {
        this.alerts = alerts;
        this.user = user;
        this.severity = severity;
        this.clock = clock;
    }

    /**
     * The pupil's words as the DSL will read them: line breaks as typed, no surrounding blanks.
     *
     * @throws IllegalArgumentException if they are longer than {@link #MAX_WORDS}, with a message for the pupil
     */
    public static String said(String words) {
        // Browsers send a textarea's line breaks as CRLF; count them as the pupil typed them.
        String said = words == null ? "" : words.replace("\r\n", "\n").strip();
        if (said.length() > MAX_WORDS) {
            throw new IllegalArgumentException("please keep it to " + MAX_WORDS + " characters (you wrote "
                    + said.length() + ")");
        }
        return said;
    }

    /**
     * Raises the alert.
     *
     * @param words what the pupil wrote, may be empty; longer than {@link #MAX_WORDS} is refused, not cut,
     *              so a pupil is never silently misquoted to the DSL
     * @throws IllegalArgumentException if the words are too long
     */
    public AlertRecord ask(HelpRequest request, String words) {
        String said = said(words);
        String snippet = said.isEmpty() ? request.words() : said;
        if (snippet.length() > AlertRecord.MAX_SNIPPET_CHARS) {
            snippet = snippet.substring(0, AlertRecord.MAX_SNIPPET_CHARS);
        }
        AlertRecord alert = new AlertRecord(UUID.randomUUID(), CATEGORY, severity, 0,
                List.of(CATEGORY + "." + request.id()), snippet, "vigil-help", request.words(), "", user.get(),
                clock.instant(), SOURCE, "", Optional.empty(), "");
        alerts.accept(alert);
        log.info("pupil asked for help ({}); sent to the DSL as a severity {} alert", request.id(), severity);
        return alert;
    }
}
