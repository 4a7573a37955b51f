package io.vigil.agent.helper.client;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.Screenshot;
import io.vigil.agent.helper.wire.Frames;
import io.vigil.agent.helper.wire.HelperCodec;
import io.vigil.agent.helper.wire.HelperMessage;
import io.vigil.agent.helper.wire.SessionSettings;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session helper's end of the socket: Hello, then matched alerts and capabilities. It holds no spool
 * and no console credential; an alert the service cannot take right now (it is restarting) is lost with an
 * ERROR, which is why the helper exits when the service goes (its unit restarts it and it connects again).
 */
public final class HelperConnection implements Consumer<AlertRecord>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HelperConnection.class);

    private final SocketChannel channel;
    private final DataOutputStream out;
    /**
     * The service sends the settings right after Accepted; a service that has not within this time is broken,
     * and the helper exits (capturing nothing) rather than wait on a socket nobody answers.
     */
    static final long SETTINGS_TIMEOUT_SECONDS = 10;

    private final CompletableFuture<Void> lost = new CompletableFuture<>();
    private volatile SessionSettings settings;
    private DataInputStream in;
    private boolean closed;

    private HelperConnection(SocketChannel channel) {
        this.channel = channel;
        this.out = new DataOutputStream(Channels.newOutputStream(channel));
    }

    /**
     * @throws HelperRefusedException when the service refused this helper (the reason is the service's)
     * @throws IOException when the service cannot be reached
     */
    public static HelperConnection open(Path socket, String user) throws IOException {
        return open(socket, user, SETTINGS_TIMEOUT_SECONDS);
    }

    /**
     * Connects, says Hello and waits for Accepted and then the school's settings: only a connection that has
     * them is returned, so nothing can be captured before the school's scope and rules are known.
     */
    static HelperConnection open(Path socket, String user, long settingsTimeoutSeconds) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            HelperConnection connection = new HelperConnection(channel);
            connection.send(new HelperMessage.Hello(HelperCodec.VERSION, user));
            DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
            byte[] answer = Frames.read(in);
            if (answer == null) {
                throw new HelperRefusedException("the service closed the connection without an answer");
            }
            switch (HelperCodec.decode(answer)) {
                case HelperMessage.Accepted a -> {
                    connection.settings = awaitSettings(channel, in, settingsTimeoutSeconds);
                    connection.in = in;
                    return connection;
                }
                case HelperMessage.Refused r -> throw new HelperRefusedException(r.reason());
                default -> throw new HelperRefusedException("unexpected answer from the service");
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static SessionSettings awaitSettings(SocketChannel channel, DataInputStream in, long timeoutSeconds)
            throws IOException {
        var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("vigil-helper-settings").daemon().factory());
        try {
            timer.schedule(() -> {
                try {
                    channel.close(); // unblocks the read below
                } catch (IOException ignored) {
                    // closing is the point
                }
            }, timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS);
            byte[] frame;
            try {
                frame = Frames.read(in);
            } catch (java.nio.channels.ClosedChannelException e) {
                frame = null;
            }
            if (frame != null && HelperCodec.decode(frame) instanceof HelperMessage.Settings s) {
                return SessionSettings.of(s);
            }
            throw new HelperRefusedException("the service accepted this helper but sent no settings within "
                    + timeoutSeconds + " s; nothing is captured without the school's settings");
        } finally {
            timer.shutdownNow();
        }
    }

    /** The school's settings for this session, as the service sent them before anything was captured. */
    public SessionSettings settings() {
        return settings;
    }

    /** Tells the service the user accepted this notice version; the service records it for the verified user. */
    public void noticeAccepted(String version) {
        try {
            send(new HelperMessage.NoticeAccepted(version));
        } catch (IOException e) {
            log.error("the notice acceptance could not be handed to the service (it is asked again next time): {}",
                    e.getMessage());
        }
    }

    /** Completes when the service closed the connection (stopped, restarted, or refused a frame). */
    public CompletableFuture<Void> lost() {
        return lost;
    }

    /**
     * Starts reading what the service sends after the handshake: the school's settings again when they change,
     * keyword lists to load. Called once the helper is wired, so nothing sent meanwhile is handled half-built
     * (it waits in the socket). A frame that breaks the protocol ends the connection, as on the service's side.
     */
    public void listen(Updates updates) {
        Thread.ofPlatform().name("vigil-helper-link").daemon().start(() -> watch(in, updates));
    }

    /** What the service may send after the handshake, for the helper to apply (on the link's thread, in order). */
    public interface Updates {
        /** The school's settings changed (checked like the first ones; a broken set ends the link). */
        void settings(SessionSettings settings);

        void lists(HelperMessage.ListsChanged announced);
    }

    private void watch(DataInputStream in, Updates updates) {
        try {
            for (byte[] frame = Frames.read(in); frame != null; frame = Frames.read(in)) {
                switch (HelperCodec.decode(frame)) {
                    case HelperMessage.Settings s -> {
                        settings = SessionSettings.of(s);
                        updates.settings(settings);
                    }
                    case HelperMessage.ListsChanged l -> updates.lists(l);
                    default -> throw new io.vigil.agent.helper.wire.FrameException(
                            "the service may not send " + frame[0] + " now");
                }
            }
        } catch (IOException e) {
            log.warn("helper link: {}", e.getMessage());
        }
        lost.complete(null);
    }

    /** Tells the service which keyword lists this helper matches with (and why not the announced ones). */
    public void listsInUse(HelperMessage.ListsInUse inUse) {
        try {
            send(inUse);
        } catch (IOException e) {
            log.warn("could not tell the service which keyword lists are in use: {}", e.getMessage());
        }
    }

    /**
     * Sends a matched alert: its bounded snippet and metadata, never more of what was typed. A screenshot the
     * helper took for it (under the school's screenshot settings) goes first, in chunks, so the service can
     * attach it the moment the alert arrives; the whole is sent under one lock, so nothing comes between.
     */
    @Override
    public synchronized void accept(AlertRecord a) {
        a.screenshot().ifPresent(shot -> sendEvidence(a, shot));
        try {
            send(new HelperMessage.MatchedAlert(a.uuid().toString(), a.category(), a.severity(), a.score(),
                    a.ruleIds().size() > HelperCodec.MAX_RULES ? a.ruleIds().subList(0, HelperCodec.MAX_RULES)
                            : a.ruleIds(), a.snippet(), cut(a.app(), HelperCodec.MAX_APP), a.windowTitle(),
                    cut(a.url(), HelperCodec.MAX_URL), a.occurredAt().toEpochMilli(), a.source(), a.listVersion(),
                    a.language()));
        } catch (IOException e) {
            log.error("alert {} severity {} could not be handed to the service and is lost: {}", a.category(),
                    a.severity(), e.getMessage());
        }
    }

    private void sendEvidence(AlertRecord a, Screenshot shot) {
        byte[] data = shot.data();
        if (data.length > HelperCodec.MAX_EVIDENCE_BYTES) {
            log.warn("the screenshot for a {} alert is {} bytes, more than the {} the service takes; the alert goes "
                    + "without it", a.category(), data.length, HelperCodec.MAX_EVIDENCE_BYTES);
            return;
        }
        int size = HelperCodec.EVIDENCE_CHUNK_BYTES;
        int chunks = (data.length + size - 1) / size;
        String uuid = a.uuid().toString();
        try {
            send(new HelperMessage.EvidenceStart(uuid, shot.mediaType(), shot.width(), shot.height(), data.length,
                    chunks));
            for (int i = 0; i < chunks; i++) {
                send(new HelperMessage.EvidenceChunk(uuid, i,
                        Arrays.copyOfRange(data, i * size, Math.min(data.length, (i + 1) * size))));
            }
        } catch (IOException e) {
            log.warn("the screenshot for a {} alert could not be handed to the service: {}", a.category(),
                    e.getMessage());
        }
    }

    /**
     * Hands a pupil's request from the help page to the service, which raises it for the verified user.
     *
     * @throws UncheckedIOException when the service cannot be reached (the page tells the pupil)
     */
    public void askForHelp(String kind, String words) {
        try {
            send(new HelperMessage.HelpAsked(kind, words));
        } catch (IOException e) {
            throw new UncheckedIOException("the Vigil service cannot be reached: " + e.getMessage(), e);
        }
    }

    public void capabilities(List<String> available, Map<String, String> unavailable) throws IOException {
        send(new HelperMessage.Capabilities(available, unavailable));
    }

    private synchronized void send(HelperMessage message) throws IOException {
        Frames.write(out, HelperCodec.encode(message));
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** Says goodbye (so the service knows this is a log-out, not a kill) and closes. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!lost.isDone()) {
                send(new HelperMessage.Goodbye());
            }
        } catch (IOException e) {
            log.debug("goodbye not sent: {}", e.getMessage());
        }
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing the helper link: {}", e.getMessage());
        }
    }
}
