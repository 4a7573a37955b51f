package io.vigil.agent.helper.service;

import io.vigil.agent.helper.wire.Frames;
import io.vigil.agent.helper.wire.HelperCodec;
import io.vigil.agent.helper.wire.HelperMessage;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The helpers connected now, and what the service sends them after the handshake: the school's settings again
 * when they change, and keyword lists when new ones are in force. One lock per connection orders the handshake
 * against a change: a change either finds the connection not yet {@code ready} (and the handshake, which runs
 * after the change was made, sends the new state) or finds it ready and sends the new state itself. Nothing
 * falls in between. Changes are sent from one sender thread per connection, never from the thread that made the
 * change (the console session, the file watch): a helper is untrusted, and one that stops reading must not
 * stall them. A helper with more than {@link #MAX_QUEUED} changes waiting is not reading and is disconnected.
 */
final class LiveHelpers {

    private static final Logger log = LoggerFactory.getLogger(LiveHelpers.class);
    /** Changes come minutes apart; this many waiting means the helper stopped reading its socket. */
    static final int MAX_QUEUED = 8;

    private final Function<String, HelperMessage.Settings> settingsFor;
    private final Supplier<Optional<HelperMessage.ListsChanged>> lists;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();

    LiveHelpers(Function<String, HelperMessage.Settings> settingsFor,
                Supplier<Optional<HelperMessage.ListsChanged>> lists) {
        this.settingsFor = settingsFor;
        this.lists = lists;
    }

    /** One accepted helper's way back: every frame to it goes through here, under its lock. */
    final class Connection {
        private final String user;
        private final DataOutputStream out;
        private final Closeable channel;
        private final ExecutorService sender = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("vigil-helper-send").daemon().factory());
        private final AtomicInteger queued = new AtomicInteger();
        private volatile boolean cutOff;
        private boolean ready;
        private HelperMessage.Settings sent;

        private Connection(String user, DataOutputStream out, Closeable channel) {
            this.user = user;
            this.out = out;
            this.channel = channel;
        }

        private void later(Runnable send) {
            if (cutOff) {
                return;
            }
            if (queued.incrementAndGet() > MAX_QUEUED) {
                queued.decrementAndGet();
                cutOff = true;
                log.warn("the session helper of '{}' is not reading its socket ({} changes waiting); disconnecting it",
                        user, MAX_QUEUED);
                try {
                    channel.close(); // its read side then ends and reports the disconnect
                } catch (IOException ignored) {
                    // closing is all that is left to do
                }
                return;
            }
            try {
                sender.execute(() -> {
                    try {
                        send.run();
                    } finally {
                        queued.decrementAndGet();
                    }
                });
            } catch (RejectedExecutionException closedMeanwhile) {
                queued.decrementAndGet(); // the connection ended: nothing to send to
            }
        }

        /**
         * Accepted, the settings, and the lists in force if they are not the jar's: the helper captures nothing
         * before the settings. @throws IllegalArgumentException when the settings cannot be resolved (refuse)
         */
        synchronized void handshake() throws IOException {
            HelperMessage.Settings settings = settingsFor.apply(user);
            write(new HelperMessage.Accepted());
            write(settings);
            sent = settings;
            Optional<HelperMessage.ListsChanged> current = lists.get();
            if (current.isPresent()) {
                write(current.get());
            }
            ready = true;
        }

        void settingsChanged() {
            later(this::sendSettingsIfChanged);
        }

        void listsChanged(HelperMessage.ListsChanged changed) {
            later(() -> sendLists(changed));
        }

        private synchronized void sendSettingsIfChanged() {
            if (!ready) {
                return; // its handshake has not resolved the settings yet and will see the change
            }
            HelperMessage.Settings settings;
            try {
                settings = settingsFor.apply(user);
            } catch (IllegalArgumentException e) {
                log.error("the changed settings cannot be sent to the session helper of '{}' ({}); it keeps the "
                        + "settings it has", user, e.getMessage());
                return;
            }
            if (settings.equals(sent)) {
                return;
            }
            if (send(settings)) {
                sent = settings;
                log.info("sent the changed school settings to the session helper of '{}'", user);
            }
        }

        private synchronized void sendLists(HelperMessage.ListsChanged changed) {
            if (ready && send(changed)) {
                log.info("told the session helper of '{}' to load keyword lists {}", user, changed.version());
            }
        }

        private boolean send(HelperMessage message) {
            try {
                write(message);
                return true;
            } catch (IOException e) {
                log.warn("could not reach the session helper of '{}': {}", user, e.getMessage());
                return false; // its connection is ending; the read side reports the disconnect
            }
        }

        private void write(HelperMessage message) throws IOException {
            Frames.write(out, HelperCodec.encode(message));
        }
    }

    /** Registers first, so a change made while the handshake resolves the settings is not missed. */
    Connection add(String user, DataOutputStream out, Closeable channel) {
        Connection connection = new Connection(user, out, channel);
        open.add(connection);
        return connection;
    }

    void remove(Connection connection) {
        open.remove(connection);
        connection.sender.shutdownNow();
    }

    /** Resolves each connected user's settings again and sends those that differ from what the helper has. */
    void settingsChanged() {
        open.forEach(Connection::settingsChanged);
    }

    void listsChanged(HelperMessage.ListsChanged changed) {
        open.forEach(c -> c.listsChanged(changed));
    }

    int count() {
        return open.size();
    }
}
