package io.vigil.agent.policy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The verified policy document the device enforces, swapped atomically. The DNS filter reads it (or is
 * handed it) when it starts and on every change; until the filter is wired in, this is the one place that
 * holds it.
 */
public final class PolicyInForce implements FilterPolicyTarget {

    public record Document(String version, byte[] bytes) {
    }

    private final AtomicReference<Document> current = new AtomicReference<>();

    @Override
    public void apply(String version, byte[] document) {
        current.set(new Document(version, document.clone()));
    }

    public Optional<Document> current() {
        return Optional.ofNullable(current.get());
    }
}
