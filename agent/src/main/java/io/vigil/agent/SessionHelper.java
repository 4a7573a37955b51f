package io.vigil.agent;

import io.vigil.agent.capture.CaptureQueue;
import io.vigil.agent.capture.CaptureSource;
import io.vigil.agent.capture.WindowFocused;
import io.vigil.agent.capture.replay.ReplaySource;
import io.vigil.agent.capture.replay.Sleeper;
import io.vigil.agent.capture.session.CurrentUser;
import io.vigil.agent.cli.CliException;
import io.vigil.agent.cli.Replay;
import io.vigil.agent.cli.RunningAgent;
import io.vigil.agent.config.CaptureSettings;
import io.vigil.agent.help.web.HelpPageServer;
import io.vigil.agent.helper.client.HelperConnection;
import io.vigil.agent.helper.client.HelperRefusedException;
import io.vigil.agent.helper.lists.ListsFile;
import io.vigil.agent.helper.wire.SessionSettings;
import io.vigil.agent.notice.NoticeDisplay;
import io.vigil.agent.notice.desktop.SwingNoticeDisplay;
import io.vigil.agent.policy.NoticeTexts;
import io.vigil.agent.match.AlertDetector;
import io.vigil.agent.match.SignInWindowGuard;
import io.vigil.agent.match.SwappableScanner;
import io.vigil.agent.platform.Platform;
import io.vigil.agent.platform.SessionSignals;
import io.vigil.agent.policy.ScopeGate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-user session helper ({@code vigil-agent session-helper}), wired: keyboard and window capture (or a
 * replay), the keyword matcher, and the socket to the system service. Matching happens here so that only
 * matched alerts with a bounded snippet leave the user's session; the helper has no spool, no config file
 * and no console credential (it runs as the pupil, who must not be able to read them).
 */
final class SessionHelper implements io.vigil.agent.cli.RunningHelper {

    private static final Logger log = LoggerFactory.getLogger(SessionHelper.class);

    private final HelperConnection link;
    private final List<CaptureSource> sources;
    private final CaptureQueue queue;
    private final AlertDetector detector;
    private final ScheduledExecutorService idleFlush;
    private final CompletableFuture<Void> captureFinished;
    private final Optional<SessionSignals> signals;
    private final List<NoticeDisplay> notices;
    private final Optional<HelpPageServer> helpPage;
    private final CompletableFuture<Void> restart;
    private boolean closed;

    private SessionHelper(HelperConnection link, List<CaptureSource> sources, CaptureQueue queue,
                          AlertDetector detector, ScheduledExecutorService idleFlush,
                          CompletableFuture<Void> captureFinished, Optional<SessionSignals> signals,
                          List<NoticeDisplay> notices, Optional<HelpPageServer> helpPage,
                          CompletableFuture<Void> restart) {
        this.helpPage = helpPage;
        this.notices = notices;
        this.restart = restart;
        this.link = link;
        this.sources = sources;
        this.queue = queue;
        this.detector = detector;
        this.idleFlush = idleFlush;
        this.captureFinished = captureFinished;
        this.signals = signals;
    }

    static SessionHelper start(Platform platform, Path socket, String user, Optional<Replay> replay) {
        HelperConnection link;
        try {
            link = HelperConnection.open(socket, user);
        } catch (HelperRefusedException e) {
            throw CliException.failure("the Vigil service refused this session helper: " + e.getMessage());
        } catch (IOException e) {
            throw CliException.failure("cannot reach the Vigil service at " + socket + ": " + e.getMessage());
        }
        log.info("connected to the Vigil service at {} as user {}", socket, user);
        // The jar's lists until the service announces pushed ones (right after the settings, if it has any).
        SwappableScanner scanner = new SwappableScanner(Agent.loadScanner());
        // The school's settings, resolved by the service for the kernel-verified user: the pupil cannot read the
        // config, and the connection is only handed over once they arrived, so nothing ran before them.
        SessionSettings school = link.settings();
        CaptureSettings settings = school.capture();
        SignInWindowGuard guard = new SignInWindowGuard(settings.signInTitles(), settings.signInApps());
        log.info("detection profile for the signed-in user: {}", school.profile().describe());
        List<String> available = new ArrayList<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        // Set on the capture thread before each event is matched, so a screenshot taken for that event's alert
        // knows whether a sign-in or password window is in front (then none is taken).
        AtomicBoolean signInInFront = new AtomicBoolean();
        AlertDetector detector = new AlertDetector(scanner, guard, Clock.systemUTC(),
                AlertDetector.DEFAULT_IDLE_TIMEOUT, user, replay.isPresent() ? "replay" : "keyboard",
                HelperUserFacing.alerts(platform, settings, link, signInInFront::get, available, unavailable),
                u -> link.settings().profile()); // the profile of the latest settings the service sent
        // Not behind the monitoring scope: a pupil can always ask for help.
        Optional<HelpPageServer> helpPage = HelperUserFacing.helpPage(school.help(), link, user, available,
                unavailable);
        ScopeGate scope = new ScopeGate(school.scope(), school.group(), Clock.systemUTC(), detector::flush);
        scope.check();
        CaptureQueue queue = new CaptureQueue(event -> {
            if (event instanceof WindowFocused window) {
                signInInFront.set(guard.isSensitive(window));
            }
            if (scope.open()) {
                detector.accept(event);
            }
        });
        List<CaptureSource> sources = new ArrayList<>();
        CompletableFuture<Void> finished;
        Optional<SessionSignals> signals = Optional.empty();
        if (replay.isPresent()) {
            queue.start();
            ReplaySource source = new ReplaySource(replay.get().script(), replay.get().speed(), Sleeper.REAL);
            if (Agent.startSource(source, queue, scope, sources, available, unavailable)) {
                finished = source.finished().thenCompose(done -> queue.barrier());
            } else {
                finished = CompletableFuture.completedFuture(null);
            }
        } else {
            signals = Agent.startLive(platform, settings, guard, new CurrentUser(user), queue, scope, sources,
                    available, unavailable);
            finished = new CompletableFuture<>();
        }
        List<NoticeDisplay> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
        Optional<java.net.URI> helpUrl = helpPage.map(HelpPageServer::url);
        school.notice().flatMap(n -> showNotice(platform, n, link, helpUrl, available, unavailable))
                .ifPresent(notices::add);
        Agent.reportUnavailable(unavailable);
        try {
            link.capabilities(available, unavailable);
        } catch (IOException e) {
            log.warn("could not tell the service what this session can capture: {}", e.getMessage());
        }
        ScheduledExecutorService idleFlush = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("vigil-idle-flush").daemon().factory());
        idleFlush.scheduleWithFixedDelay(detector::flushIfIdle, 1, 1, TimeUnit.SECONDS);
        idleFlush.scheduleWithFixedDelay(scope::check, 1, 1, TimeUnit.SECONDS);
        CompletableFuture<Void> restart = new CompletableFuture<>();
        LiveSettings live = new LiveSettings(link, school, scope, guard, detector, sources,
                new ListsFile(socket.toAbsolutePath().getParent(), scanner),
                n -> showNotice(platform, n, link, helpUrl, new ArrayList<>(), new LinkedHashMap<>())
                        .ifPresent(notices::add),
                restart);
        live.reportLists(scanner.version());
        link.listen(live);
        return new SessionHelper(link, sources, queue, detector, idleFlush, finished, signals, notices, helpPage,
                restart);
    }

    /**
     * The notice for the user's group, as {@code run} shows it; "I understand" goes to the service, which
     * spools the acceptance for the user the kernel vouched for. Without a display it is not shown here (the
     * helper's help page does not show the notice: acceptance there would need the service's answer first).
     */
    private static Optional<NoticeDisplay> showNotice(Platform platform, NoticeTexts.Notice notice,
                                                      HelperConnection link, Optional<java.net.URI> helpPage,
                                                      List<String> available, Map<String, String> unavailable) {
        Optional<String> noDisplay = platform.displayProblem();
        Optional<SwingNoticeDisplay> display = noDisplay.isPresent() ? Optional.empty()
                : SwingNoticeDisplay.open(helpPage.orElse(java.net.URI.create("about:blank")));
        if (display.isEmpty()) {
            unavailable.put("notice.display", noDisplay.orElse("no display (headless Java runtime)"));
            log.info("monitoring notice {} not yet accepted by this user; no display to show it on", notice.version());
            return Optional.empty();
        }
        available.add("notice.display");
        SwingNoticeDisplay window = display.get();
        window.show(notice, () -> link.noticeAccepted(notice.version()),
                helpPage.isPresent() ? window::openHelpPage : () -> { });
        return Optional.of(display.get());
    }

    /**
     * Completes when the service closed the connection, or changed what this session captures in a way only a
     * new helper can apply; the helper then exits and its unit restarts it.
     */
    @Override
    public CompletableFuture<Void> lost() {
        return link.lost().applyToEither(restart, done -> done);
    }

    @Override
    public CompletableFuture<Void> captureFinished() {
        return captureFinished;
    }

    @Override
    public long spoolDepth() {
        return 0; // no spool in the helper: the service keeps what it accepted
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        sources.forEach(CaptureSource::close);
        queue.close();
        signals.ifPresent(SessionSignals::close);
        notices.forEach(NoticeDisplay::close);
        helpPage.ifPresent(HelpPageServer::close);
        idleFlush.shutdownNow();
        detector.flush();
        captureFinished.cancel(false);
        link.close();
        log.info("session helper stopped");
    }
}
