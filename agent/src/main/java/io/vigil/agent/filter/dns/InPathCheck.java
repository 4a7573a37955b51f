package io.vigil.agent.filter.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Does this device actually resolve names through the filter? Looks up a fresh probe name through the
 * operating system's resolver (what browsers use) and checks that the query reached the filter. If not, the
 * filter is running but not "in the path", and the console is told ({@code filter.in_path} unavailable).
 */
public final class InPathCheck {

    public static final String CAPABILITY = "filter.in_path";

    private final InPathProbe probe;
    private final Duration timeout;

    public InPathCheck(InPathProbe probe, Duration timeout) {
        this.probe = probe;
        this.timeout = timeout;
    }

    /** Empty when in the path; otherwise the reason in plain words. */
    public Optional<String> problem() {
        String name = probe.newName();
        CompletableFuture<Void> lookup = CompletableFuture.runAsync(() -> {
            try {
                InetAddress.getAllByName(name);
            } catch (UnknownHostException e) {
                // fine: what matters is whether the query reached the filter, not the answer
            }
        }, r -> Thread.ofVirtual().name("vigil-in-path").start(r));
        try {
            lookup.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.of("the system resolver did not answer a test look-up within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("in-path check interrupted");
        } catch (ExecutionException e) {
            return Optional.of("in-path check failed: " + e.getCause());
        }
        return probe.arrived(name) ? Optional.empty()
                : Optional.of("the system resolver does not send look-ups to the filter (see packaging/dns/README.md)");
    }
}
