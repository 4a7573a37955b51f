package io.vigil.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.agent.config.PolicyKey;
import io.vigil.agent.filter.FilterEngine;
import io.vigil.agent.signing.PolicyReceiver;
import io.vigil.agent.signing.PolicyStore;
import io.vigil.agent.signing.PolicyVerifier;
import io.vigil.agent.signing.SignedPolicy;
import io.vigil.agent.testing.RecordingFilterListener;
import io.vigil.filter.Action;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filter enforces only what the school's key signed (or the built-in default): a policy someone writes
 * into the state directory, where the filter once kept an unsigned copy of its own, is never enforced.
 * Wired as the agent wires it: real engine, real receiver, real Ed25519 keys and files.
 */
class VerifiedPolicyOnlyTest {

    /** Blocks nothing: what someone wanting an unfiltered laptop would drop in. */
    private static final String OPEN_POLICY = "vigil-filter-policy 1\ngroup default\ndevice-group default\n";
    private static final String SIGNED_POLICY = """
            vigil-filter-policy 1
            category gaming
            list gaming domains builtin:bypass
            group default
              block gaming
            device-group default
            """;

    @TempDir
    Path state;

    private final KeyPair console = generate();
    private final PolicyKey pinned = new PolicyKey("ed25519-console", console.getPublic().getEncoded());

    @BeforeEach
    void someoneDropsAnOpenPolicyWhereTheFilterOnceKeptItsCopy() throws Exception {
        Path dir = state.resolve("filter-policy");
        Files.createDirectories(dir.resolve("v1"));
        Files.writeString(dir.resolve("v1").resolve("school.vfp"), OPEN_POLICY);
        Files.writeString(dir.resolve("v1").resolve("VERSION"), "dropped");
        Files.writeString(dir.resolve("CURRENT"), "v1\nschool.vfp\n");
    }

    @Test
    void afterARestartTheVerifiedPolicyIsInForceNotTheDroppedOne() {
        SignedPolicy signed = sign(SIGNED_POLICY);
        assertEquals(true, receiverFor(startEngine()).receive(signed).ok());

        FilterEngine restarted = startEngine();
        receiverFor(restarted).restoreLastGood();

        assertEquals(signed.version(), restarted.version());
        assertEquals(Action.BLOCK, restarted.decide("dns.google").action());
    }

    @Test
    void withNoVerifiedPolicyTheBuiltInDefaultIsInForceNotTheDroppedOne() throws Exception {
        Files.createDirectories(state.resolve("signed-policy"));
        Files.writeString(state.resolve("signed-policy").resolve("policy.bin"), OPEN_POLICY); // unsigned

        FilterEngine restarted = startEngine();
        receiverFor(restarted).restoreLastGood();

        assertEquals("builtin", restarted.version());
        assertEquals(Action.BLOCK, restarted.decide("dns.google").action());
    }

    private static FilterEngine startEngine() {
        return FilterEngine.builtIn(Clock.systemUTC(), () -> "alice", new RecordingFilterListener());
    }

    private PolicyReceiver receiverFor(FilterEngine engine) {
        return new PolicyReceiver(new PolicyVerifier(List.of(pinned)), new PolicyStore(state),
                new FilterEngineTarget(engine));
    }

    private SignedPolicy sign(String text) {
        byte[] document = text.getBytes(StandardCharsets.UTF_8);
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(console.getPrivate());
            signature.update(document);
            return new SignedPolicy(PolicyVerifier.versionOf(document), document, signature.sign(), "ed25519-console");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
