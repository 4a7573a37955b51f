package io.vigil.agent.match;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.capture.CaptureEvent;
import io.vigil.agent.capture.WindowFocused;
import io.vigil.keywords.Verdict;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Turns captured events into alerts: scans each finished line of typed text and each window title
 * with the keyword lists and hands every match on as an {@link AlertRecord}.
 *
 * <p>Each typed line is scanned exactly once (when it ends), so one line raises at most one alert.
 * Window titles are scanned on focus; a title that already raised an alert recently (switching back
 * and forth between tabs) does not raise it again.
 *
 * <p>Thread-safe: the capture thread and the idle-flush timer both call in.
 */
public final class AlertDetector implements Consumer<CaptureEvent> {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);
    static final String WINDOW_TITLE_SOURCE = "window_title";
    private static final int RECENT_TITLES = 64;

    private final TextScanner scanner;
    private final InstantSource clock;
    private final String user;
    private final String textSource;
    private final Consumer<AlertRecord> alerts;
    private final TextAssembler assembler;
    private final Map<String, Boolean> recentTitleAlerts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT_TITLES;
        }
    };

    public AlertDetector(TextScanner scanner, SignInWindowGuard guard, InstantSource clock, Duration idleTimeout,
                         String user, String textSource, Consumer<AlertRecord> alerts) {
        this.scanner = scanner;
        this.clock = clock;
        this.user = user;
        this.textSource = textSource;
        this.alerts = alerts;
        this.assembler = new TextAssembler(guard, clock, idleTimeout, this::scanLine);
    }

    @Override
    public synchronized void accept(CaptureEvent event) {
        assembler.accept(event);
        if (event instanceof WindowFocused w) {
            scanTitle(w);
        }
    }

    public synchronized void flushIfIdle() {
        assembler.flushIfIdle();
    }

    public synchronized void flush() {
        assembler.flush();
    }

    private void scanLine(TypedLine line) {
        Verdict verdict = scanner.scan(line.text());
        if (verdict.alert()) {
            alerts.accept(toAlert(verdict, line.app(), line.windowTitle(), textSource));
        }
    }

    private void scanTitle(WindowFocused w) {
        if (w.title().isBlank() || recentTitleAlerts.containsKey(w.title())) {
            return;
        }
        Verdict verdict = scanner.scan(w.title());
        if (verdict.alert()) {
            recentTitleAlerts.put(w.title(), Boolean.TRUE);
            alerts.accept(toAlert(verdict, w.app(), w.title(), WINDOW_TITLE_SOURCE));
        }
    }

    private AlertRecord toAlert(Verdict v, String app, String windowTitle, String source) {
        String snippet = v.snippet().length() > AlertRecord.MAX_SNIPPET_CHARS
                ? v.snippet().substring(0, AlertRecord.MAX_SNIPPET_CHARS) : v.snippet();
        int severity = Math.clamp(v.severity(), 1, 5);
        // A title of megabytes (some windowing systems allow it) would make an alert the console refuses on
        // every resend, holding up every alert spooled after it.
        String title = windowTitle;
        if (title.length() > AlertRecord.MAX_WINDOW_TITLE_CHARS) {
            int end = AlertRecord.MAX_WINDOW_TITLE_CHARS;
            title = title.substring(0, Character.isHighSurrogate(title.charAt(end - 1)) ? end - 1 : end);
        }
        return new AlertRecord(UUID.randomUUID(), v.category(), severity, v.score(), v.ruleIds(), snippet, app,
                title, "", user, clock.instant(), source, scanner.version());
    }
}
