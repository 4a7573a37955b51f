package io.vigil.agent.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.config.PolicyKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Ed25519 keys and real files: what a device accepts, refuses, and remembers across a restart. */
class PolicyReceiverTest {

    static final String POLICY = """
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
    private final KeyPair stranger = generate();
    private final PolicyKey pinned = new PolicyKey("ed25519-console", console.getPublic().getEncoded());
    private final PolicyInForce filter = new PolicyInForce();

    @Test
    void aPolicySignedByThePinnedKeyIsAppliedAndReportedOk() {
        SignedPolicy policy = signed(POLICY, console, "ed25519-console");

        PolicyReceiver.Outcome outcome = receiver(List.of(pinned)).receive(policy);

        assertEquals(new PolicyReceiver.Outcome(policy.version(), true, ""), outcome);
        assertEquals(policy.version(), filter.current().orElseThrow().version());
    }

    @Test
    void aTamperedDocumentIsRefusedAndTheRunningPolicyStays() {
        PolicyReceiver receiver = receiver(List.of(pinned));
        SignedPolicy good = signed(POLICY, console, "ed25519-console");
        receiver.receive(good);
        SignedPolicy tampered = new SignedPolicy(good.version(), (POLICY + "allow example.org\n").getBytes(StandardCharsets.UTF_8),
                good.signature(), good.keyId());

        PolicyReceiver.Outcome outcome = receiver.receive(tampered);

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("bad signature"), outcome.error());
        assertEquals(good.version(), receiver.runningVersion());
        assertEquals(good.version(), filter.current().orElseThrow().version());
    }

    @Test
    void aPolicySignedByAnotherKeyUnderThePinnedIdIsRefused() {
        PolicyReceiver.Outcome outcome = receiver(List.of(pinned))
                .receive(signed(POLICY, stranger, "ed25519-console"));

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("bad signature"), outcome.error());
        assertTrue(filter.current().isEmpty());
    }

    @Test
    void aPolicyNamingAnUnknownKeyIsRefused() {
        PolicyReceiver.Outcome outcome = receiver(List.of(pinned))
                .receive(signed(POLICY, stranger, "ed25519-stranger"));

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("unknown key 'ed25519-stranger'"), outcome.error());
    }

    @Test
    void aVersionThatIsNotTheContentHashIsRefused() {
        SignedPolicy honest = signed(POLICY, console, "ed25519-console");
        SignedPolicy mislabelled = new SignedPolicy("sha256:" + "0".repeat(64), honest.document(), honest.signature(),
                honest.keyId());

        PolicyReceiver.Outcome outcome = receiver(List.of(pinned)).receive(mislabelled);

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("content hash"), outcome.error());
    }

    @Test
    void aDeviceEnrolledWithoutKeysRefusesEveryPolicyAndSaysWhy() {
        PolicyReceiver.Outcome outcome = receiver(List.of()).receive(signed(POLICY, console, "ed25519-console"));

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("enrol it again"), outcome.error());
    }

    @Test
    void aSignedPolicyThisAgentCannotParseIsRefusedWithTheParsersWords() {
        PolicyReceiver.Outcome outcome = receiver(List.of(pinned))
                .receive(signed("vigil-filter-policy 1\ngroup default\n  block nothing_such\n", console, "ed25519-console"));

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("does not parse"), outcome.error());
        assertTrue(filter.current().isEmpty());
    }

    @Test
    void theLastGoodPolicyIsEnforcedAgainAfterARestart() {
        SignedPolicy good = signed(POLICY, console, "ed25519-console");
        receiver(List.of(pinned)).receive(good);

        PolicyInForce afterRestart = new PolicyInForce();
        PolicyReceiver restarted = new PolicyReceiver(new PolicyVerifier(List.of(pinned)), new PolicyStore(state),
                afterRestart);
        restarted.restoreLastGood();

        assertEquals(good.version(), restarted.runningVersion());
        assertEquals(good.version(), afterRestart.current().orElseThrow().version());
    }

    @Test
    void aPolicyChangedOnDiskIsNotEnforcedAfterARestart() throws Exception {
        receiver(List.of(pinned)).receive(signed(POLICY, console, "ed25519-console"));
        Files.writeString(state.resolve("signed-policy").resolve("policy.bin"), "allow *\n");

        PolicyInForce afterRestart = new PolicyInForce();
        PolicyReceiver restarted = new PolicyReceiver(new PolicyVerifier(List.of(pinned)), new PolicyStore(state),
                afterRestart);
        restarted.restoreLastGood();

        assertEquals("", restarted.runningVersion());
        assertTrue(afterRestart.current().isEmpty());
    }

    private PolicyReceiver receiver(List<PolicyKey> keys) {
        return new PolicyReceiver(new PolicyVerifier(keys), new PolicyStore(state), filter);
    }

    private static SignedPolicy signed(String text, KeyPair key, String keyId) {
        byte[] document = text.getBytes(StandardCharsets.UTF_8);
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key.getPrivate());
            signature.update(document);
            return new SignedPolicy(PolicyVerifier.versionOf(document), document, signature.sign(), keyId);
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
