package io.vigil.agent.signing;

import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes pushed policies: verify (pinned key, signature, content hash), hand to the filter, then keep on disk
 * as the last good one. Anything refused leaves the running policy as it was, and the reason goes back to
 * the console. On start, the last good policy is verified again and enforced before the console is reached.
 */
public final class PolicyReceiver {

    private static final Logger log = LoggerFactory.getLogger(PolicyReceiver.class);

    /** The answer for the console's PolicyApplied. */
    public record Outcome(String version, boolean ok, String error) {
    }

    /** Checks what the console pushed before anything else looks at it. */
    public interface Verification {
        void verify(SignedPolicy pushed) throws PolicyRefusedException;
    }

    private final String what;
    private final Verification verifier;
    private final PolicyStore store;
    private final PolicyTarget filter;
    private volatile String runningVersion;
    private volatile java.util.function.Supplier<String> reported;

    public PolicyReceiver(PolicyVerifier verifier, PolicyStore store, FilterPolicyTarget filter) {
        this("filter policy", verifier::verify, store, filter, "");
    }

    /**
     * @param what           how log lines name it ("filter policy", "keyword lists")
     * @param initialVersion what runs before anything verified is applied (the built-in lists' version, or "")
     */
    public PolicyReceiver(String what, Verification verifier, PolicyStore store, PolicyTarget target,
                          String initialVersion) {
        this.what = what;
        this.verifier = verifier;
        this.store = store;
        this.filter = target;
        this.runningVersion = initialVersion;
    }

    /** Enforces the last good policy from disk, if there is one that still verifies. */
    public void restoreLastGood() {
        Optional<SignedPolicy> saved;
        try {
            saved = store.load();
        } catch (IOException e) {
            log.error("cannot read the last good {} in {}: {}; waiting for the console to send one",
                    what, store.directory(), e.getMessage());
            return;
        }
        if (saved.isEmpty()) {
            return;
        }
        try {
            verifier.verify(saved.get());
            filter.apply(saved.get().version(), saved.get().document());
            runningVersion = saved.get().version();
            log.info("enforcing last good {} {}", what, runningVersion);
        } catch (PolicyRefusedException e) {
            log.error("the {} on disk in {} was refused ({}); waiting for the console to send one",
                    what, store.directory(), e.getMessage());
        }
    }

    public Outcome receive(SignedPolicy policy) {
        try {
            verifier.verify(policy);
            if (policy.version().equals(runningVersion)) {
                return new Outcome(policy.version(), true, ""); // a resend (e.g. after Hello): nothing to change
            }
            filter.apply(policy.version(), policy.document());
        } catch (PolicyRefusedException e) {
            log.error("refused {} {} from the console: {}; still enforcing {}", what, policy.version(),
                    e.getMessage(), runningVersion.isEmpty() ? "no policy" : runningVersion);
            return new Outcome(policy.version(), false, e.getMessage());
        }
        runningVersion = policy.version();
        try {
            store.save(policy);
        } catch (IOException e) {
            // Enforced now, but a restart would fall back to the previous one: the console must know.
            log.error("applied {} {} but cannot keep it in {}: {}", what, policy.version(), store.directory(),
                    e.getMessage());
            return new Outcome(policy.version(), false, "applied but not saved on the device: " + e.getMessage());
        }
        log.info("applied {} {} (key {})", what, policy.version(), policy.keyId());
        return new Outcome(policy.version(), true, "");
    }

    /** The version verified, applied and kept here; empty until a policy is in force. */
    public String runningVersion() {
        return runningVersion;
    }

    /**
     * Where what is applied here is not what is in use (the service hands keyword lists on to session helpers,
     * which match with them), Hello and heartbeats report what is in use instead.
     */
    public PolicyReceiver reportingInUse(java.util.function.Supplier<String> inUse) {
        this.reported = inUse;
        return this;
    }

    /** For Hello and heartbeats. */
    public String reportedVersion() {
        var inUse = reported;
        return inUse == null ? runningVersion : inUse.get();
    }
}
