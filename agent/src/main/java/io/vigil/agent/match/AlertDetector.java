package io.vigil.agent.match;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.capture.CaptureEvent;
import io.vigil.agent.capture.WindowFocused;
import io.vigil.agent.policy.DetectionProfile;
import io.vigil.keywords.Source;
import io.vigil.keywords.Verdict;
import io.vigil.keywords.visit.VisitedAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns captured events into alerts: scans typed text as it grows and each window title with the
 * keyword lists and hands every match on as an {@link AlertRecord}.
 *
 * <p>A line is scanned after each word, after a short pause and when it ends; it raises one alert per
 * distinct finding (a category, or the same category at a higher severity), never one per keystroke.
 * Window titles are scanned on focus; a title that already raised an alert recently (switching back
 * and forth between tabs) does not raise it again. A search results title is scanned for its query
 * alone and reported as source {@code search_term}, so the DSL reads "searched for ...". Other titles are
 * scanned as titles, so the domain lists apply to a site a title shows; a title that is an address (a browser
 * shows the address while a page loads) is scanned as one — its site, its words and the search terms in its
 * query string — and reported as source {@code url} with the address in the alert's url field.
 *
 * <p>Whether a finding becomes an alert depends on the signed-in user's {@link DetectionProfile} (their age or
 * role): a finding below the profile's least severity for its category is dropped here, before the spool.
 *
 * <p>Thread-safe: the capture thread and the idle-flush timer both call in.
 */
public final class AlertDetector implements Consumer<CaptureEvent> {

    private static final Logger log = LoggerFactory.getLogger(AlertDetector.class);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);
    static final String WINDOW_TITLE_SOURCE = "window_title";
    static final String SEARCH_TERM_SOURCE = "search_term";
    static final String URL_SOURCE = "url";
    private static final int RECENT_TITLES = 64;

    private final TextScanner scanner;
    private final InstantSource clock;
    /** Who is signed in: from the session watcher's window events, else the user the agent started as. */
    private String user;
    private final String textSource;
    private final Consumer<AlertRecord> alerts;
    private final TextAssembler assembler;
    private final Function<String, DetectionProfile> profiles;
    /** The signed-in user's profile, looked up when the user changes (it may ask the OS for their groups). */
    private DetectionProfile profile;
    /** Findings already raised for the line being typed: category -> highest severity alerted. */
    private final Map<String, Integer> lineFindings = new java.util.HashMap<>();
    private boolean wasSuppressing;
    private final Map<String, Boolean> recentTitleAlerts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT_TITLES;
        }
    };

    public AlertDetector(TextScanner scanner, SignInWindowGuard guard, InstantSource clock, Duration idleTimeout,
                         String user, String textSource, Consumer<AlertRecord> alerts) {
        this(scanner, guard, clock, idleTimeout, user, textSource, alerts,
                u -> DetectionProfile.builtIn(DetectionProfile.Name.ALL));
    }

    /** @param profiles the detection profile of a signed-in user, asked once per user switch */
    public AlertDetector(TextScanner scanner, SignInWindowGuard guard, InstantSource clock, Duration idleTimeout,
                         String user, String textSource, Consumer<AlertRecord> alerts,
                         Function<String, DetectionProfile> profiles) {
        this.profiles = profiles;
        this.profile = profiles.apply(user);
        this.scanner = scanner;
        this.clock = clock;
        this.user = user;
        this.textSource = textSource;
        this.alerts = alerts;
        this.assembler = new TextAssembler(guard, clock, idleTimeout, new TextAssembler.Lines() {
            @Override
            public void growing(TypedLine line) {
                scanLine(line);
            }

            @Override
            public void finished(TypedLine line) {
                scanLine(line);
                lineFindings.clear();
            }
        });
    }

    /** The school changed the profiles (a session helper's new settings): the signed-in user's is asked again. */
    public synchronized void profilesChanged() {
        profile = profiles.apply(user);
    }

    @Override
    public synchronized void accept(CaptureEvent event) {
        assembler.accept(event); // a window event ends the line first: it is scanned as the previous user's
        if (event instanceof WindowFocused w) {
            if (!w.user().isEmpty() && !w.user().equals(user)) {
                user = w.user();
                profile = profiles.apply(user);
                recentTitleAlerts.clear(); // a title seen by the previous user is news for this one
            }
            reportSuppression();
            scanTitle(w);
        }
    }

    /** One line when typing starts and stops being ignored; never the title, which may be personal. */
    private void reportSuppression() {
        boolean now = assembler.suppressing();
        if (now != wasSuppressing) {
            log.info(now ? "sign-in or password window in front: typed text is ignored"
                    : "sign-in window gone: typed text is matched again");
            wasSuppressing = now;
        }
    }

    public synchronized void flushIfIdle() {
        assembler.flushIfIdle();
    }

    public synchronized void flush() {
        assembler.flush();
    }

    private void scanLine(TypedLine line) {
        TextScanner inForce = scanner.snapshot();
        Verdict verdict = profile.thresholdPercent() == 100 ? inForce.scan(line.text())
                : inForce.scan(line.text(), Source.TYPED, profile.thresholdPercent());
        if (!alerts(verdict)) {
            return;
        }
        Integer raised = lineFindings.get(verdict.category());
        if (raised != null && raised >= verdict.severity()) {
            return; // the same finding, seen again as the line grew
        }
        lineFindings.put(verdict.category(), verdict.severity());
        alerts.accept(toAlert(verdict, verdict.snippet(), line.app(), line.windowTitle(), textSource, false,
                inForce.version()));
    }

    private void scanTitle(WindowFocused w) {
        if (w.title().isBlank() || recentTitleAlerts.containsKey(w.title())) {
            return;
        }
        Optional<String> query = SearchQueries.extract(w.title());
        boolean address = query.isEmpty() && VisitedAddress.isAddress(w.title());
        int limit = profile.thresholdPercent();
        TextScanner inForce = scanner.snapshot();
        Verdict verdict = query.isPresent() ? inForce.scan(query.get(), Source.SEARCH, limit)
                : inForce.scan(w.title(), Source.TITLE, limit);
        if (alerts(verdict)) {
            recentTitleAlerts.put(w.title(), Boolean.TRUE);
            // A query is short and is itself the evidence: the DSL sees all of it, not a window around the match.
            String snippet = query.orElse(verdict.snippet());
            String source = query.isPresent() ? SEARCH_TERM_SOURCE : address ? URL_SOURCE : WINDOW_TITLE_SOURCE;
            alerts.accept(toAlert(verdict, snippet, w.app(), w.title(), source, address, inForce.version()));
        }
    }

    /** A finding the lists made that this user's profile lets through. */
    private boolean alerts(Verdict verdict) {
        return verdict.alert() && profile.alerts(verdict.category(), Math.clamp(verdict.severity(), 1, 5));
    }

    /**
     * @param titleIsUrl the title is a visited address: it is the alert's url too (at most the title's length)
     * @param listVersion the lists that matched (one engine per text, even across a swap)
     */
    private AlertRecord toAlert(Verdict v, String text, String app, String windowTitle, String source,
                                boolean titleIsUrl, String listVersion) {
        String snippet = text.length() > AlertRecord.MAX_SNIPPET_CHARS
                ? text.substring(0, AlertRecord.MAX_SNIPPET_CHARS) : text;
        int severity = Math.clamp(v.severity(), 1, 5);
        // A title of megabytes (some windowing systems allow it) would make an alert the console refuses on
        // every resend, holding up every alert spooled after it.
        String title = windowTitle;
        if (title.length() > AlertRecord.MAX_WINDOW_TITLE_CHARS) {
            int end = AlertRecord.MAX_WINDOW_TITLE_CHARS;
            title = title.substring(0, Character.isHighSurrogate(title.charAt(end - 1)) ? end - 1 : end);
        }
        String language = v.language() == null ? "" : v.language();
        return new AlertRecord(UUID.randomUUID(), v.category(), severity, v.score(), v.ruleIds(), snippet, app,
                title, titleIsUrl ? title.strip() : "", user, clock.instant(), source, listVersion)
                .withLanguage(language.length() > AlertRecord.MAX_LANGUAGE_CHARS ? "" : language);
    }
}
