package io.vigil.agent;

import io.vigil.agent.alert.TamperEventRecord;
import io.vigil.agent.capture.session.CurrentUser;
import io.vigil.agent.cli.CliException;
import io.vigil.agent.cli.RunningAgent;
import io.vigil.agent.config.AgentConfig;
import io.vigil.agent.config.ServiceSettings;
import io.vigil.agent.filter.dns.InPathCheck;
import io.vigil.agent.health.Capabilities;
import io.vigil.agent.health.CapabilityBoard;
import io.vigil.agent.evidence.ScreenshotPolicy;
import io.vigil.agent.helper.lists.PublishedLists;
import io.vigil.agent.helper.service.HelperAlerts;
import io.vigil.agent.helper.service.HelperHelp;
import io.vigil.agent.helper.service.HelperPresence;
import io.vigil.agent.helper.service.HelperServer;
import io.vigil.agent.helper.service.PeerCheck;
import io.vigil.agent.helper.service.SessionOwners;
import io.vigil.agent.platform.Platform;
import io.vigil.agent.signing.PolicyReceiver;
import io.vigil.agent.signing.PolicyStore;
import io.vigil.agent.signing.PolicyVerifier;
import io.vigil.agent.spool.AlertSpool;
import io.vigil.agent.spool.ScreenshotSeal;
import io.vigil.agent.spool.SpoolingRecordSink;
import io.vigil.agent.tamper.FileChangeWatch;
import io.vigil.agent.tamper.TamperReporter;
import io.vigil.agent.transport.ConsoleSession;
import io.vigil.agent.transport.SessionIdentity;
import io.vigil.agent.transport.TransportSettings;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system service ({@code vigil-agent service}), wired: spool, transport, filter, policy, health, the
 * socket the session helpers hand their matched alerts to, and the tamper watch. It captures nothing itself:
 * keyboard and windows belong to the user's session, which only the helper can see.
 */
final class AgentService implements RunningAgent {

    private static final Logger log = LoggerFactory.getLogger(AgentService.class);
    /** Catches what file events miss (a symlink's target changing); a tamper found this way is a minute late. */
    private static final long RESCAN_SECONDS = 30;

    private final AlertSpool spool;
    private final SpoolingRecordSink records;
    private final ConsoleSession session;
    private final HelperServer helpers;
    private final FileChangeWatch watch;
    private final Optional<FilterService> filter;
    private final ScheduledExecutorService timers;
    private final CompletableFuture<Void> never = new CompletableFuture<>();
    private boolean closed;

    private AgentService(AlertSpool spool, SpoolingRecordSink records, ConsoleSession session, HelperServer helpers,
                         FileChangeWatch watch, Optional<FilterService> filter, ScheduledExecutorService timers) {
        this.spool = spool;
        this.records = records;
        this.session = session;
        this.helpers = helpers;
        this.watch = watch;
        this.filter = filter;
        this.timers = timers;
    }

    /** @param sessionUser the user whose helper is expected; empty: whoever logind says owns a session */
    static AgentService start(Platform platform, Path configFile, AgentConfig config, ServiceSettings settings,
                              Optional<String> sessionUser) {
        String bundled = Agent.loadScanner().version(); // helpers match with these until the console pushes lists
        var facts = platform.deviceFacts();
        AlertSpool spool = Agent.openSpool(config);
        SpoolingRecordSink records = new SpoolingRecordSink(spool);
        CurrentUser current = new CurrentUser(sessionUser.orElse(""));
        Map<String, String> unavailable = new LinkedHashMap<>();
        List<String> available = new ArrayList<>();
        Optional<FilterService> filter = FilterService.forAgent(config, current::get, records, available, unavailable);
        Agent.reportUnavailable(unavailable);
        // Working until shown otherwise: handing pushed lists to helpers, and applying an edited config.
        available.addAll(List.of(HelperLists.CAPABILITY, SettingsReload.CAPABILITY));
        CapabilityBoard capabilities = new CapabilityBoard(new Capabilities(available, unavailable));
        filter.ifPresent(f -> f.watchInPath(Optional.ofNullable(unavailable.get(InPathCheck.CAPABILITY)),
                capabilities::update));

        TamperReporter tamper = new TamperReporter(records, current::get, Clock.systemUTC(),
                settings.repeatThreshold(), settings.repeatWindow());
        HelperPresence presence = new HelperPresence(capabilities, settings.helperGrace(), System::nanoTime,
                (user, detail) -> tamper.report(TamperEventRecord.Kind.HELPER_STOPPED, detail, user));
        PeerCheck peers = new PeerCheck(sessionUser.map(SessionOwners::fixed).orElseGet(SessionOwners::logind));
        HelperSessions school = new HelperSessions(config, records);
        HelperLists lists = new HelperLists(new PublishedLists(settings.helperSocket().toAbsolutePath().getParent()),
                bundled, capabilities);
        PolicyReceiver listReceiver = listReceiver(config, lists, bundled); // last good bundle, before helpers come
        HelperServer helpers = new HelperServer(settings.helperSocket(), peers, new HelperAlerts(Clock.systemUTC()),
                records::accept, new CurrentUserTracking(presence, current, school, lists), school::settingsFor,
                lists::current);
        helperEvidenceAndHelp(config, spool, records, helpers).start();
        lists.announceTo(helpers::listsChanged);
        FileChangeWatch watch = watch(configFile, settings, tamper, new SettingsReload(configFile, school, helpers,
                capabilities, edited -> helperEvidenceAndHelp(edited, spool, records, helpers)));

        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("vigil-service-timers").daemon().factory());
        timers.scheduleWithFixedDelay(presence::check, 1, 1, TimeUnit.SECONDS);
        timers.scheduleWithFixedDelay(records::retryHeld, 5, 5, TimeUnit.SECONDS);
        timers.scheduleWithFixedDelay(watch::rescan, RESCAN_SECONDS, RESCAN_SECONDS, TimeUnit.SECONDS);

        SessionIdentity identity = new SessionIdentity(config.deviceId(), config.deviceCredential(),
                sessionUser.orElse(platform.userName()), facts, bundled, capabilities::now);
        ConsoleSession session = new ConsoleSession(config.console(), config.pin(), identity, spool,
                TransportSettings.defaults(config.heartbeatInterval()), Agent.policyReceiver(config, filter),
                listReceiver);
        session.start();
        log.info("service for device {} started; spool {} holds {} record(s)", config.deviceId(), spool.file(),
                spool.depth());
        return new AgentService(spool, records, session, helpers, watch, filter, timers);
    }

    /**
     * Screenshots the helpers take, checked again here against this config's own screenshot policy (the helper
     * is untrusted), kept sealed in the spool as {@code run} keeps them; and the helpers' Get-help requests.
     * Applied again when the config is edited (helpers whose screenshot or help settings changed reconnect).
     */
    private static HelperServer helperEvidenceAndHelp(AgentConfig config, AlertSpool spool,
                                                      SpoolingRecordSink records, HelperServer helpers) {
        ScreenshotPolicy shots = new ScreenshotPolicy(config.capture());
        if (shots.enabled()) {
            spool.sealScreenshotsWith(ScreenshotSeal.forSpool(spool.file()));
        }
        helpers.withEvidence(shots);
        helpers.withHelp(config.policy().help()
                ? java.util.Optional.of(new HelperHelp(records::accept, config.policy().helpSeverity(),
                        Clock.systemUTC()))
                : java.util.Optional.empty());
        return helpers;
    }

    /**
     * Keyword lists pushed by the console, verified with the pinned keys like in {@code run}, then handed to the
     * helpers; the console hears the version the helpers match with, not the one in the jar.
     */
    private static PolicyReceiver listReceiver(AgentConfig config, HelperLists lists, String bundled) {
        PolicyVerifier verifier = new PolicyVerifier(config.policyKeys());
        PolicyReceiver receiver = new PolicyReceiver("keyword lists", verifier::verifySignature,
                new PolicyStore(config.statePath(), "signed-lists"), lists, bundled).reportingInUse(lists::reported);
        receiver.restoreLastGood();
        return receiver;
    }

    private static FileChangeWatch watch(Path configFile, ServiceSettings settings, TamperReporter tamper,
                                         SettingsReload reload) {
        Path config = configFile.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>(List.of(config));
        files.addAll(settings.dnsPaths());
        try {
            return new FileChangeWatch(files, changed -> {
                if (changed.equals(config)) {
                    // Reported either way: an intended edit is applied, and IT still sees that the file changed.
                    tamper.report(TamperEventRecord.Kind.CONFIG_CHANGED, "the agent config file " + changed
                            + " changed (school settings were applied to session helpers if valid)", null);
                    reload.run();
                } else {
                    tamper.report(TamperEventRecord.Kind.DNS_CHANGED, "the DNS setting " + changed
                            + " changed: the device may no longer resolve through the filter", null);
                }
            });
        } catch (IOException e) {
            throw CliException.failure("cannot watch " + files + " for tampering: " + e.getMessage());
        }
    }

    @Override
    public CompletableFuture<Void> captureFinished() {
        return never; // the service runs until it is stopped
    }

    @Override
    public long spoolDepth() {
        return spool.depth();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        helpers.close();
        watch.close();
        timers.shutdownNow();
        filter.ifPresent(FilterService::close);
        session.close();
        records.retryHeld();
        spool.close();
        log.info("service stopped; {} record(s) left in the spool for next time", spool.depth());
    }

    /** The helper that connects names the session user, which the filter's group and tamper events follow. */
    private record CurrentUserTracking(HelperPresence presence, CurrentUser current, HelperSessions school,
                                       HelperLists lists)
            implements io.vigil.agent.helper.service.HelperListener {
        @Override
        public void connected(String user) {
            current.signedIn(user);
            presence.connected(user);
        }

        @Override
        public void capabilities(String user, io.vigil.agent.helper.wire.HelperMessage.Capabilities c) {
            presence.capabilities(user, c);
        }

        @Override
        public void noticeAccepted(String user, String version) {
            school.noticeAccepted(user, version);
        }

        @Override
        public void listsInUse(String user, String version, String problem) {
            lists.listsInUse(user, version, problem);
        }

        @Override
        public void disconnected(String user, boolean saidGoodbye) {
            lists.disconnected(user);
            presence.disconnected(user, saidGoodbye);
        }
    }
}
