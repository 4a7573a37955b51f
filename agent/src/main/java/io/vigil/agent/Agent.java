package io.vigil.agent;

import io.vigil.agent.capture.replay.ReplayScript;
import io.vigil.agent.capture.replay.ReplaySource;
import io.vigil.agent.capture.replay.ReplaySpeed;
import io.vigil.agent.capture.replay.Sleeper;
import io.vigil.agent.cli.CliException;
import io.vigil.agent.cli.RunningAgent;
import io.vigil.agent.config.AgentConfig;
import io.vigil.agent.match.AlertDetector;
import io.vigil.agent.match.KeywordScanner;
import io.vigil.agent.match.SignInWindowGuard;
import io.vigil.agent.match.TextScanner;
import io.vigil.agent.platform.Platform;
import io.vigil.agent.spool.AlertSpool;
import io.vigil.agent.spool.SpoolException;
import io.vigil.agent.spool.SpoolingAlertSink;
import io.vigil.agent.transport.ConsoleSession;
import io.vigil.agent.transport.SessionIdentity;
import io.vigil.agent.transport.TransportSettings;
import io.vigil.keywords.KeywordEngine;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running agent, wired: capture -> detector -> spool -> console session. Part of the composition
 * root; each piece it connects knows nothing of the others.
 */
final class Agent implements RunningAgent {

    private static final Logger log = LoggerFactory.getLogger(Agent.class);

    private final AlertSpool spool;
    private final ConsoleSession session;
    private final ReplaySource source;
    private final AlertDetector detector;
    private final ScheduledExecutorService idleFlush;
    private boolean closed;

    private Agent(AlertSpool spool, ConsoleSession session, ReplaySource source, AlertDetector detector,
                  ScheduledExecutorService idleFlush) {
        this.spool = spool;
        this.session = session;
        this.source = source;
        this.detector = detector;
        this.idleFlush = idleFlush;
    }

    static Agent start(Platform platform, AgentConfig config, ReplayScript script, ReplaySpeed speed, String user) {
        TextScanner scanner = loadScanner();
        AlertSpool spool;
        try {
            spool = AlertSpool.open(config.spoolPath());
        } catch (SpoolException e) {
            throw CliException.failure(e.getMessage());
        }
        log.info("device {} as user {}; lists {}; spool {} holds {} alert(s)", config.deviceId(), user,
                scanner.version(), spool.file(), spool.depth());
        SessionIdentity identity = new SessionIdentity(config.deviceId(), config.deviceCredential(), user,
                platform.deviceFacts(), scanner.version(), List.of("capture.replay"));
        ConsoleSession session = new ConsoleSession(config.console(), config.pin(), identity, spool,
                TransportSettings.defaults(config.heartbeatInterval()));

        ReplaySource source = new ReplaySource(script, speed, Sleeper.REAL);
        AlertDetector detector = new AlertDetector(scanner, new SignInWindowGuard(), Clock.systemUTC(),
                AlertDetector.DEFAULT_IDLE_TIMEOUT, user, source.textSource(), new SpoolingAlertSink(spool));
        ScheduledExecutorService idleFlush = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("vigil-idle-flush").daemon().factory());
        idleFlush.scheduleWithFixedDelay(detector::flushIfIdle, 1, 1, TimeUnit.SECONDS);
        source.start(detector); // capture first: it never waits for the console
        session.start();
        return new Agent(spool, session, source, detector, idleFlush);
    }

    private static TextScanner loadScanner() {
        try {
            return new KeywordScanner(KeywordEngine.bundled());
        } catch (RuntimeException e) {
            throw CliException.failure("cannot load the bundled keyword lists: " + e.getMessage());
        }
    }

    @Override
    public CompletableFuture<Void> captureFinished() {
        return source.finished();
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
        source.close();
        idleFlush.shutdownNow();
        detector.flush();
        session.close();
        spool.close();
        log.info("agent stopped; {} alert(s) left in the spool for next time", spool.depth());
    }
}
