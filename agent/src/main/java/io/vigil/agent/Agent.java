package io.vigil.agent;

import io.vigil.agent.capture.CaptureQueue;
import io.vigil.agent.capture.CaptureSource;
import io.vigil.agent.capture.CaptureUnavailableException;
import io.vigil.agent.capture.FocusProbe;
import io.vigil.agent.capture.WindowFocused;
import io.vigil.agent.capture.keyboard.KeyboardHookSource;
import io.vigil.agent.capture.replay.ReplaySource;
import io.vigil.agent.capture.replay.Sleeper;
import io.vigil.agent.capture.session.CurrentUser;
import io.vigil.agent.capture.session.SessionAwareFocus;
import io.vigil.agent.capture.windows.WindowWatcherSource;
import io.vigil.agent.cli.CliException;
import io.vigil.agent.cli.Replay;
import io.vigil.agent.cli.RunningAgent;
import io.vigil.agent.config.AgentConfig;
import io.vigil.agent.config.CaptureSettings;
import io.vigil.agent.evidence.EvidenceAttacher;
import io.vigil.agent.evidence.ScreenCapture;
import io.vigil.agent.evidence.ScreenshotPolicy;
import io.vigil.agent.health.Capabilities;
import io.vigil.agent.health.CapabilityBoard;
import io.vigil.agent.filter.dns.InPathCheck;
import io.vigil.agent.match.AlertDetector;
import io.vigil.agent.match.KeywordScanner;
import io.vigil.agent.match.SignInWindowGuard;
import io.vigil.agent.match.TextScanner;
import io.vigil.agent.platform.OsGroups;
import io.vigil.agent.platform.Platform;
import io.vigil.agent.policy.MonitoringGroup;
import io.vigil.agent.policy.ScopeGate;
import io.vigil.agent.platform.SessionSignals;
import io.vigil.agent.spool.AlertSpool;
import io.vigil.agent.spool.ScreenshotSeal;
import io.vigil.agent.spool.SpoolException;
import io.vigil.agent.spool.SpoolingRecordSink;
import io.vigil.agent.signing.FilterPolicyTarget;
import io.vigil.agent.signing.PolicyInForce;
import io.vigil.agent.signing.PolicyReceiver;
import io.vigil.agent.signing.PolicyStore;
import io.vigil.agent.signing.PolicyVerifier;
import io.vigil.agent.transport.ConsoleSession;
import io.vigil.agent.transport.SessionIdentity;
import io.vigil.agent.transport.TransportSettings;
import io.vigil.keywords.KeywordEngine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running agent, wired: capture sources -> one ordered queue -> detector -> evidence -> spool ->
 * console session. Part of the composition root; each piece it connects knows nothing of the others.
 */
final class Agent implements RunningAgent {

    private static final Logger log = LoggerFactory.getLogger(Agent.class);

    /** How often records the spool refused (disk full) are offered to it again. */
    private static final java.time.Duration HELD_RETRY = java.time.Duration.ofSeconds(5);

    private final AlertSpool spool;
    private final SpoolingRecordSink records;
    private final ConsoleSession session;
    private final List<CaptureSource> sources;
    private final CaptureQueue queue;
    private final AlertDetector detector;
    private final ScheduledExecutorService idleFlush;
    private final CompletableFuture<Void> captureFinished;
    private final UserFacing userFacing;
    private final Optional<FilterService> filter;
    private final Optional<SessionSignals> sessionSignals;
    private boolean closed;

    private Agent(AlertSpool spool, SpoolingRecordSink records, ConsoleSession session, List<CaptureSource> sources,
                  CaptureQueue queue, AlertDetector detector, ScheduledExecutorService idleFlush,
                  CompletableFuture<Void> captureFinished, UserFacing userFacing, Optional<FilterService> filter,
                  Optional<SessionSignals> sessionSignals) {
        this.userFacing = userFacing;
        this.filter = filter;
        this.sessionSignals = sessionSignals;
        this.spool = spool;
        this.records = records;
        this.session = session;
        this.sources = sources;
        this.queue = queue;
        this.detector = detector;
        this.idleFlush = idleFlush;
        this.captureFinished = captureFinished;
    }

    static Agent start(Platform platform, AgentConfig config, Optional<Replay> replay, String user) {
        TextScanner scanner = loadScanner();
        // Before capture starts: OSHI's firmware query can take a second on a busy laptop, and everything
        // after the first source starts should be quick (the command line's shutdown hook waits for it).
        var facts = platform.deviceFacts();
        CaptureSettings settings = config.capture();
        AlertSpool spool = openSpool(config);
        log.info("device {} as user {}; lists {}; spool {} holds {} record(s)", config.deviceId(), user,
                scanner.version(), spool.file(), spool.depth());

        Map<String, String> unavailable = new LinkedHashMap<>();
        List<String> available = new ArrayList<>();
        var evidence = evidence(platform, settings, spool, unavailable, available);
        SignInWindowGuard guard = new SignInWindowGuard(settings.signInTitles(), settings.signInApps());
        SpoolingRecordSink records = new SpoolingRecordSink(spool);
        java.util.function.Consumer<io.vigil.agent.alert.AlertRecord> toSpool = records::accept;
        AlertDetector detector = new AlertDetector(scanner, guard, Clock.systemUTC(),
                AlertDetector.DEFAULT_IDLE_TIMEOUT, user, replay.isPresent() ? "replay" : "keyboard",
                evidence.map(e -> (java.util.function.Consumer<io.vigil.agent.alert.AlertRecord>)
                        new EvidenceAttacher(e.policy(), e.camera(), toSpool)).orElse(toSpool));
        // Outside the school's monitoring scope for this user's group nothing enters the queue, no window is
        // looked at, and nothing reaches matching; leaving scope finishes the line typed inside it.
        MonitoringGroup group = config.policy().groups().groupOf(user, OsGroups.of(user));
        ScopeGate scope = new ScopeGate(config.policy().scope(), group, Clock.systemUTC(), detector::flush);
        scope.check();
        // Who is signed in now: a user switch seen by the session watcher reaches scope, notice, help and filter.
        CurrentUser current = new CurrentUser(user);
        current.onChange(u -> scope.userGroup(config.policy().groups().groupOf(u, OsGroups.of(u))));
        CaptureQueue queue = new CaptureQueue(event -> {
            if (scope.open()) {
                detector.accept(event);
            }
        });

        List<CaptureSource> sources = new ArrayList<>();
        CompletableFuture<Void> finished;
        Optional<SessionSignals> sessionSignals = Optional.empty();
        if (replay.isPresent()) {
            queue.start();
            ReplaySource source = new ReplaySource(replay.get().script(), replay.get().speed(), Sleeper.REAL);
            startSource(source, queue, scope, sources, available, unavailable);
            finished = source.finished().thenCompose(done -> queue.barrier());
        } else {
            sessionSignals = startLive(platform, settings, guard, current, queue, scope, sources, available, unavailable);
            finished = new CompletableFuture<>(); // live capture ends only when the agent is stopped
        }
        // The session user's group is looked up once (OS groups cost a process); any other user when asked.
        UserFacing userFacing = UserFacing.start(platform, config, current,
                u -> u.equals(user) ? group : config.policy().groups().groupOf(u, OsGroups.of(u)), records,
                available, unavailable);
        Optional<FilterService> filter = FilterService.forAgent(config, current::get, records, available, unavailable);
        reportUnavailable(unavailable);

        ScheduledExecutorService idleFlush = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("vigil-idle-flush").daemon().factory());
        idleFlush.scheduleWithFixedDelay(detector::flushIfIdle, 1, 1, TimeUnit.SECONDS);
        idleFlush.scheduleWithFixedDelay(scope::check, 1, 1, TimeUnit.SECONDS);
        // A full disk gets space back without telling anyone: records held in memory are offered again.
        idleFlush.scheduleWithFixedDelay(records::retryHeld, HELD_RETRY.toMillis(), HELD_RETRY.toMillis(),
                TimeUnit.MILLISECONDS);

        CapabilityBoard capabilities = new CapabilityBoard(new Capabilities(available, unavailable));
        filter.ifPresent(f -> f.watchInPath(Optional.ofNullable(unavailable.get(InPathCheck.CAPABILITY)),
                capabilities::update));
        SessionIdentity identity = new SessionIdentity(config.deviceId(), config.deviceCredential(), user,
                facts, scanner.version(), capabilities::now);
        ConsoleSession session = new ConsoleSession(config.console(), config.pin(), identity, spool,
                TransportSettings.defaults(config.heartbeatInterval()), policyReceiver(config, filter));
        session.start(); // capture started first: it never waits for the console
        return new Agent(spool, records, session, sources, queue, detector, idleFlush, finished, userFacing, filter,
                sessionSignals);
    }

    /** The last good policy is enforced before the console is reached: offline devices stay filtered. */
    static PolicyReceiver policyReceiver(AgentConfig config, Optional<FilterService> filter) {
        if (config.policyKeys().isEmpty()) {
            log.warn("this device pinned no policy signing keys at enrolment; it will refuse every policy the console "
                    + "pushes (and say why) until it is enrolled again");
        }
        PolicyReceiver receiver = new PolicyReceiver(new PolicyVerifier(config.policyKeys()),
                new PolicyStore(config.statePath()), filter.<FilterPolicyTarget>map(f -> new FilterEngineTarget(f.engine()))
                        .orElseGet(PolicyInForce::new));
        receiver.restoreLastGood();
        return receiver;
    }

    static Optional<SessionSignals> startLive(Platform platform, CaptureSettings settings,
                                                     SignInWindowGuard guard, CurrentUser user, CaptureQueue queue,
                                                     ScopeGate scope, List<CaptureSource> sources,
                                                     List<String> available, Map<String, String> unavailable) {
        FocusProbe windowProbe = FocusProbe.NONE;
        if (settings.windows()) {
            WindowWatcherSource windows = new WindowWatcherSource(platform.windowListProblem());
            if (startSource(windows, queue, scope, sources, available, unavailable)) {
                windowProbe = windows;
            }
        }
        Optional<SessionSignals> session = Optional.empty();
        if (settings.keyboard() || windowProbe != FocusProbe.NONE) {
            // Looked at with the window, on the queue's thread: a lock or a new user is ordered against keys.
            SessionSignals signals = platform.sessionSignals(user.get());
            SessionAwareFocus sessionFocus = new SessionAwareFocus(windowProbe, signals.session(),
                    signals.secretInput(), user.get(), user::signedIn);
            queue.watchFocus(new ScopedFocus(sessionFocus, scope, sessionFocus::checkUser), settings.windowPoll(), guard::isSensitive);
            log.info("screen lock checks: {}; password-field signal: {}",
                    signals.session().signalNames().isEmpty() ? "none on this platform"
                            : String.join(", ", signals.session().signalNames()), signals.secretInput().name());
            session = Optional.of(signals);
        }
        queue.start();
        if (settings.keyboard()) {
            Optional<String> noDisplay = platform.displayProblem();
            if (noDisplay.isPresent()) {
                unavailable.put("capture.keyboard", noDisplay.get()); // the native hook would only fail noisily
            } else {
                startSource(new KeyboardHookSource(), queue, scope, sources, available, unavailable);
            }
        }
        if (!settings.keyboard() && !settings.windows()) {
            log.warn("capture.keyboard and capture.windows are both off in the config: nothing is captured");
        }
        return session;
    }

    static boolean startSource(CaptureSource source, CaptureQueue queue, ScopeGate scope,
                                       List<CaptureSource> sources, List<String> available,
                                       Map<String, String> unavailable) {
        try {
            source.start(event -> {
                if (scope.open()) {
                    queue.offer(event);
                }
            });
            sources.add(source);
            available.add(source.capability());
            return true;
        } catch (CaptureUnavailableException e) {
            unavailable.put(source.capability(), e.getMessage());
            return false;
        }
    }

    private record Evidence(ScreenshotPolicy policy, java.util.function.Supplier<io.vigil.agent.alert.Screenshot> camera) {
    }

    /** Screenshots if the school opted in and there is a screen; empty means alerts go straight to the spool. */
    private static Optional<Evidence> evidence(Platform platform, CaptureSettings settings, AlertSpool spool,
                                               Map<String, String> unavailable, List<String> available) {
        ScreenshotPolicy policy = new ScreenshotPolicy(settings);
        if (!policy.enabled()) {
            return Optional.empty();
        }
        Optional<String> noDisplay = platform.displayProblem();
        Optional<ScreenCapture> camera = noDisplay.isPresent() ? Optional.empty() : ScreenCapture.open();
        if (camera.isEmpty()) {
            unavailable.put("evidence.screenshot", noDisplay.orElse("no screen to capture (headless Java runtime)"));
            return Optional.empty();
        }
        spool.sealScreenshotsWith(ScreenshotSeal.forSpool(spool.file()));
        available.add("evidence.screenshot");
        return Optional.of(new Evidence(policy, camera.get()::take));
    }

    /** One line per reason, so "no display" is said once however many capabilities it stops. */
    static void reportUnavailable(Map<String, String> unavailable) {
        Map<String, List<String>> byReason = new TreeMap<>();
        unavailable.forEach((capability, reason) -> byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(capability));
        byReason.values().forEach(java.util.Collections::sort);
        byReason.forEach((reason, capabilities) -> log.warn("{} unavailable: {}; the agent runs without {}",
                String.join(", ", capabilities), reason, capabilities.size() == 1 ? "it" : "them"));
    }

    static AlertSpool openSpool(AgentConfig config) {
        try {
            return AlertSpool.open(config.spoolPath());
        } catch (SpoolException e) {
            throw CliException.failure(e.getMessage());
        }
    }

    static TextScanner loadScanner() {
        try {
            return new KeywordScanner(KeywordEngine.bundled());
        } catch (RuntimeException e) {
            throw CliException.failure("cannot load the bundled keyword lists: " + e.getMessage());
        }
    }

    @Override
    public CompletableFuture<Void> captureFinished() {
        return captureFinished;
    }

    @Override
    public long spoolDepth() {
        return spool.depth();
    }

    /** Capture stops first and its last line is scanned, so nothing typed is dropped on the way out. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        userFacing.close();
        filter.ifPresent(FilterService::close); // hands the open hour's browsing counts to the spool
        sources.forEach(CaptureSource::close);
        queue.close();
        sessionSignals.ifPresent(SessionSignals::close); // after the queue: its thread was the one using them
        idleFlush.shutdownNow();
        detector.flush();
        captureFinished.cancel(false);
        session.close();
        int lost = records.retryHeld();
        if (lost > 0) {
            log.error("{} record(s) could not be written to the spool ({}) and are lost on exit", lost,
                    spool.writeProblem());
        }
        spool.close();
        log.info("agent stopped; {} record(s) left in the spool for next time", spool.depth());
    }

    /**
     * Outside the monitoring scope no window is looked at and no lock check is run; only who is signed in is
     * asked, so a user whose group is monitored who takes over the session opens capture again.
     */
    private record ScopedFocus(FocusProbe inner, ScopeGate scope, Runnable whileClosed) implements FocusProbe {
        @Override
        public Optional<WindowFocused> lookNow() {
            if (scope.open()) {
                return inner.lookNow();
            }
            whileClosed.run();
            return Optional.empty();
        }

        @Override
        public void forgetLast() {
            inner.forgetLast();
        }
    }
}
