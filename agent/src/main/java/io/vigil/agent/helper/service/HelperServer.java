package io.vigil.agent.helper.service;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.config.CaptureSettings;
import io.vigil.agent.evidence.ScreenshotPolicy;
import io.vigil.agent.helper.wire.FrameException;
import io.vigil.agent.helper.wire.Frames;
import io.vigil.agent.helper.wire.HelperCodec;
import io.vigil.agent.helper.wire.HelperMessage;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's end of the helper socket. It creates the socket's directory (0755: every user must reach the
 * socket, nobody but root may replace it) and the socket (0666: every signed-in user's helper must be able to
 * connect; who may speak is decided per connection by the kernel's peer credentials, which a file mode cannot
 * express for "whoever is signed in now"). Each connection: the peer's uid from SO_PEERCRED, a Hello within
 * {@link #HELLO_TIMEOUT_SECONDS}, the {@link PeerCheck}, then bounded frames, validated and rate-limited.
 */
public final class HelperServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HelperServer.class);

    /** A helper sends its Hello immediately; a peer that says nothing is holding a slot open. */
    static final int HELLO_TIMEOUT_SECONDS = 5;
    /** A few users can be signed in at once (fast user switching); more connections than this are not helpers. */
    static final int MAX_CONNECTIONS = 8;
    /** 20 alerts at once, then one every 3 seconds (20 a minute): far above a real session, far below a flood. */
    static final int ALERT_BURST = 20;
    static final long ALERT_REFILL_NANOS = TimeUnit.SECONDS.toNanos(3);
    /** 10 screenshots at once, then one every 6 seconds: each is up to 2 MiB in the spool. */
    static final int EVIDENCE_BURST = 10;
    static final long EVIDENCE_REFILL_NANOS = TimeUnit.SECONDS.toNanos(6);
    /** Screenshots arriving at once, over all helpers: two users' at most, a small part of the service's heap. */
    static final int EVIDENCE_BUDGET_BYTES = 2 * HelperCodec.MAX_EVIDENCE_BYTES;
    /** 5 help requests at once, then one a minute: a pupil pressing the button twice is fine, a flood is not. */
    static final int HELP_BURST = 5;
    static final long HELP_REFILL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Path socket;
    private final PeerCheck peers;
    private final HelperAlerts alerts;
    private final Consumer<AlertRecord> sink;
    private final HelperListener listener;
    private final LiveHelpers live;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Semaphore evidenceBudget = new Semaphore(EVIDENCE_BUDGET_BYTES);
    private volatile ScreenshotPolicy evidence = new ScreenshotPolicy(CaptureSettings.DEFAULTS); // none, until set
    private volatile Optional<HelperHelp> help = Optional.empty();
    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("vigil-helper-timeouts").daemon().factory());
    private ServerSocketChannel server;
    private volatile boolean closed;

    /**
     * @param settingsFor the school's settings for a verified user, sent right after Accepted; it throws
     *                    IllegalArgumentException when they cannot be sent, and the helper is then refused
     */
    public HelperServer(Path socket, PeerCheck peers, HelperAlerts alerts, Consumer<AlertRecord> sink,
                        HelperListener listener, Function<String, HelperMessage.Settings> settingsFor) {
        this(socket, peers, alerts, sink, listener, settingsFor, Optional::empty);
    }

    /**
     * @param lists the pushed keyword lists helpers are to load, announced after the settings; empty while
     *              the jar's own lists are in force
     */
    public HelperServer(Path socket, PeerCheck peers, HelperAlerts alerts, Consumer<AlertRecord> sink,
                        HelperListener listener, Function<String, HelperMessage.Settings> settingsFor,
                        Supplier<Optional<HelperMessage.ListsChanged>> lists) {
        this.live = new LiveHelpers(settingsFor, lists);
        this.socket = socket;
        this.peers = peers;
        this.alerts = alerts;
        this.sink = sink;
        this.listener = listener;
    }

    /** Takes helpers' screenshots for the alerts this policy (the service's own config) allows; call before start. */
    public HelperServer withEvidence(ScreenshotPolicy policy) {
        this.evidence = policy;
        return this;
    }

    /**
     * Raises helpers' Get-help requests through {@code desk}; without one they are refused. May be called again
     * when the config is edited.
     */
    public HelperServer withHelp(Optional<HelperHelp> desk) {
        this.help = desk;
        return this;
    }

    /** @throws UncheckedIOException if the socket cannot be created (the message names the path) */
    public HelperServer start() {
        try {
            Path dir = socket.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.deleteIfExists(socket); // left by a service that was killed; nothing else may live here
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the helper socket " + socket + ": " + e.getMessage(), e);
        }
        Thread.ofPlatform().name("vigil-helper-accept").daemon().start(this::acceptLoop);
        log.info("session helpers connect at {}", socket);
        return this;
    }

    public Path socket() {
        return socket;
    }

    /** The school's settings changed: each connected helper whose resolved settings differ gets them again. */
    public void settingsChanged() {
        live.settingsChanged();
    }

    /** New keyword lists are in force (the supplier already returns them): every connected helper is told. */
    public void listsChanged(HelperMessage.ListsChanged changed) {
        live.listsChanged(changed);
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.error("helper socket stopped accepting: {}", e.getMessage());
                }
                return;
            }
            if (!slots.tryAcquire()) {
                log.warn("refused a helper connection: already {} open", MAX_CONNECTIONS);
                closeQuietly(channel);
                continue;
            }
            Thread.ofPlatform().name("vigil-helper-conn").daemon().start(() -> {
                try {
                    serve(channel);
                } finally {
                    slots.release();
                    closeQuietly(channel);
                }
            });
        }
    }

    private void serve(SocketChannel channel) {
        String peer;
        try {
            UnixDomainPrincipal principal = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            peer = principal.user().getName();
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("refused a helper connection: its peer credentials cannot be read ({})", e.getMessage());
            return;
        }
        DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
        DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
        var helloTimeout = timeouts.schedule(() -> closeQuietly(channel), HELLO_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        String user;
        LiveHelpers.Connection connection = null;
        try {
            byte[] first = Frames.read(in);
            helloTimeout.cancel(false);
            if (first == null || !(HelperCodec.decode(first) instanceof HelperMessage.Hello hello)) {
                log.warn("refused a helper connection from user '{}': it did not start with Hello", peer);
                return;
            }
            var refusal = hello.version() != HelperCodec.VERSION
                    ? java.util.Optional.of("protocol version " + hello.version() + ", this service speaks "
                    + HelperCodec.VERSION) : peers.refusal(peer, hello.user());
            if (refusal.isPresent()) {
                log.warn("refused a session helper from user '{}': {}", peer, refusal.get());
                Frames.write(out, HelperCodec.encode(new HelperMessage.Refused(refusal.get())));
                return;
            }
            user = hello.user();
            connection = live.add(user, out, channel);
            try {
                // The helper captures nothing until the settings arrive: they hold the user's scope and profile.
                connection.handshake();
            } catch (IllegalArgumentException e) { // the helper would capture without the school's rules: refuse
                live.remove(connection);
                log.error("refused the session helper of '{}': {}", user, e.getMessage());
                Frames.write(out, HelperCodec.encode(new HelperMessage.Refused(e.getMessage())));
                return;
            }
        } catch (IOException e) {
            if (connection != null) {
                live.remove(connection);
            }
            log.warn("refused a helper connection from user '{}': {}", peer, e.getMessage());
            return;
        }
        log.info("session helper connected for user '{}'; sent the school's settings", user);
        listener.connected(user);
        boolean goodbye = false;
        try {
            goodbye = conversation(user, in);
        } catch (FrameException e) {
            log.warn("closed the session helper of '{}': {}", user, e.getMessage());
        } catch (IOException e) {
            log.debug("session helper of '{}' connection ended: {}", user, e.getMessage());
        } finally {
            live.remove(connection);
            if (!closed) { // the service stopping ends every connection: that is no tamper
                listener.disconnected(user, goodbye);
            }
        }
    }

    /** @return whether the helper said goodbye before closing */
    private boolean conversation(String user, DataInputStream in) throws IOException {
        RateLimit rate = new RateLimit(ALERT_BURST, ALERT_REFILL_NANOS, System::nanoTime);
        RateLimit helpRate = new RateLimit(HELP_BURST, HELP_REFILL_NANOS, System::nanoTime);
        EvidenceInbox shots = new EvidenceInbox(user, evidence, evidenceBudget,
                new RateLimit(EVIDENCE_BURST, EVIDENCE_REFILL_NANOS, System::nanoTime));
        long dropped = 0;
        try {
            while (!closed) {
                byte[] frame = Frames.read(in);
                if (frame == null) {
                    return false;
                }
                switch (HelperCodec.decode(frame)) {
                    case HelperMessage.MatchedAlert a -> {
                        if (!rate.tryTake()) {
                            shots.discard("its alert was dropped by the rate limit");
                            if (dropped++ % 100 == 0) {
                                log.warn("session helper of '{}' sends alerts faster than {} a minute; {} dropped so "
                                        + "far", user, TimeUnit.MINUTES.toNanos(1) / ALERT_REFILL_NANOS, dropped);
                            }
                            continue;
                        }
                        accept(user, a, shots);
                    }
                    case HelperMessage.EvidenceStart e -> shots.start(e);
                    case HelperMessage.EvidenceChunk c -> shots.chunk(c);
                    case HelperMessage.HelpAsked h -> askForHelp(user, h, helpRate);
                    case HelperMessage.Capabilities c -> listener.capabilities(user, c);
                    case HelperMessage.NoticeAccepted n -> listener.noticeAccepted(user, n.version());
                    case HelperMessage.ListsInUse l -> listener.listsInUse(user, l.version(), l.problem());
                    case HelperMessage.Goodbye g -> {
                        log.info("session helper of '{}' stopped (said goodbye)", user);
                        return true;
                    }
                    default -> throw new FrameException("a helper may not send " + frame[0]);
                }
            }
            return false;
        } finally {
            shots.discard("the connection ended before its alert arrived");
        }
    }

    private void accept(String user, HelperMessage.MatchedAlert a, EvidenceInbox shots) {
        AlertRecord record;
        try {
            record = alerts.toRecord(user, a);
        } catch (IllegalArgumentException e) {
            shots.discard("its alert was refused");
            log.warn("refused an alert from the session helper of '{}': {}", user, e.getMessage());
            return;
        }
        sink.accept(shots.attach(record));
    }

    /** Not subject to the monitoring scope (a pupil can always ask), but rate-limited like everything else. */
    private void askForHelp(String user, HelperMessage.HelpAsked asked, RateLimit rate) {
        if (help.isEmpty()) {
            log.warn("refused a help request from the session helper of '{}': the help page is off (help.enabled)",
                    user);
        } else if (!rate.tryTake()) {
            log.warn("refused a help request from the session helper of '{}': more than {} at once", user, HELP_BURST);
        } else {
            try {
                help.get().ask(user, asked);
            } catch (IllegalArgumentException e) {
                log.warn("refused a help request from the session helper of '{}': {}", user, e.getMessage());
            }
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
    }

    @Override
    public void close() {
        closed = true;
        timeouts.shutdownNow();
        if (server != null) {
            closeQuietly(server);
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                log.debug("could not remove {}: {}", socket, e.getMessage());
            }
        }
    }
}
