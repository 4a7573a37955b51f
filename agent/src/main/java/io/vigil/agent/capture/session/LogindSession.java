package io.vigil.agent.capture.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The agent's login session as systemd-logind sees it, through {@code loginctl show-session}: who is signed
 * in (Name), whether the session is the one in front of the seat (Active: fast user switching puts another
 * user's session in front) and whether the desktop says its screen is locked (LockedHint, set by GNOME,
 * KDE, light-locker, xss-lock and others).
 *
 * <p>Asked at most every {@link #REFRESH_NANOS}: starting loginctl costs a few milliseconds, too much for
 * every look at the window. That is quick enough because the X11 keyboard grab, checked at every look,
 * already sees the lockers that take the keyboard, and a session that is not in front gets no keys.
 * Once it has answered, a failure counts as locked until it answers again (fail closed).
 */
public final class LogindSession implements UserSource, LockSignal {

    /** Runs a command and returns its standard output; throws if it fails, times out or exits non-zero. */
    @FunctionalInterface
    public interface Command {
        String run(List<String> argv) throws IOException;
    }

    static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Command command;
    private final String sessionId;
    private final LongSupplier nanos;
    private Map<String, String> last = Map.of();
    private IOException failure;
    private long readAt;

    LogindSession(Command command, String sessionId, LongSupplier nanos) {
        this.command = command;
        this.sessionId = sessionId;
        this.nanos = nanos;
    }

    /**
     * @return the session, or empty when there is no logind session to ask (no systemd, no loginctl, the
     *         agent not started in a login session): then this signal is not used at all
     */
    public static Optional<LogindSession> open(Map<String, String> env, Command command, LongSupplier nanos) {
        String id = env.getOrDefault("XDG_SESSION_ID", "").strip();
        // "auto": the caller's session, or the user's graphical one (systemd 243+).
        LogindSession session = new LogindSession(command, id.isEmpty() ? "auto" : id, nanos);
        try {
            session.refresh();
            return Optional.of(session);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** loginctl run as a child process, with a deadline so a hung D-Bus cannot stall capture. */
    public static Command processCommand() {
        return argv -> {
            Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                byte[] out = p.getInputStream().readNBytes(64 * 1024);
                if (!p.waitFor(2, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException(argv.getFirst() + " did not answer within 2 s");
                }
                if (p.exitValue() != 0) {
                    throw new IOException(argv.getFirst() + " exited with " + p.exitValue());
                }
                return new String(out, StandardCharsets.UTF_8);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        };
    }

    @Override
    public String name() {
        return "logind session " + sessionId;
    }

    @Override
    public String currentUser() {
        return state().getOrDefault("Name", "");
    }

    @Override
    public Optional<String> lockedBecause() {
        Map<String, String> s = state();
        if ("yes".equals(s.get("LockedHint"))) {
            return Optional.of("screen locked (logind LockedHint)");
        }
        if (!"yes".equals(s.get("Active"))) {
            return Optional.of("this session is not in front (another user switched in, or the login screen)");
        }
        if ("closing".equals(s.get("State"))) {
            return Optional.of("the session is closing");
        }
        return Optional.empty();
    }

    private Map<String, String> state() {
        if (nanos.getAsLong() - readAt >= REFRESH_NANOS) {
            try {
                refresh();
            } catch (IOException e) {
                failure = e; // kept until the next refresh: fail closed in between too
            }
        }
        if (failure != null) {
            throw new UncheckedIOException("loginctl: " + failure.getMessage(), failure);
        }
        return last;
    }

    private void refresh() throws IOException {
        readAt = nanos.getAsLong();
        String out = command.run(List.of("loginctl", "show-session", sessionId, "-p", "Name", "-p", "Active",
                "-p", "LockedHint", "-p", "State"));
        Map<String, String> parsed = parse(out);
        if (!parsed.containsKey("Active")) {
            throw new IOException("loginctl named no session " + sessionId);
        }
        last = parsed;
        failure = null;
    }

    static Map<String, String> parse(String out) {
        Map<String, String> values = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return Map.copyOf(values);
    }
}
