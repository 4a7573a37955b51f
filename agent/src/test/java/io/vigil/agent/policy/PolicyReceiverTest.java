package io.vigil.agent.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    @TempDir
    Path state;

    private final KeyPair console = generate();
    private final KeyPair stranger = generate();
    private final PolicyKey pinned = new PolicyKey("ed25519-console", console.getPublic().getEncoded());
    private final PolicyInForce filter = new PolicyInForce();

    @Test
    void aPolicySignedByThePinnedKeyIsAppliedAndReportedOk() {
        SignedPolicy policy = signed("group ks2\n", console, "ed25519-console");

        PolicyReceiver.Outcome outcome = receiver(List.of(pinned)).receive(policy);

        assertEquals(new PolicyReceiver.Outcome(policy.version(), true, ""), outcome);
        assertArrayEquals(policy.document(), filter.current().orElseThrow().bytes());
    }

    @Test
    void aTamperedDocumentIsRefusedAndTheRunningPolicyStays() {
        PolicyReceiver receiver = receiver(List.of(pinned));
        SignedPolicy good = signed("group ks2\n", console, "ed25519-console");
        receiver.receive(good);
        SignedPolicy tampered = new SignedPolicy(good.version(), "group ks2\nallow *\n".getBytes(StandardCharsets.UTF_8),
                good.signature(), good.keyId());

        PolicyReceiver.Outcome outcome = receiver.receive(tampered);

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("bad signature"), outcome.error());
        assertEquals(good.version(), receiver.runningVersion());
        assertArrayEquals(good.document(), filter.current().orElseThrow().bytes());
    }

    @Test
    void aPolicySignedByAnotherKeyUnderThePinnedIdIsRefused() {
        PolicyReceiver.Outcome outcome = receiver(List.of(pinned))
                .receive(signed("group ks2\n", stranger, "ed25519-console"));

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("bad signature"), outcome.error());
        assertTrue(filter.current().isEmpty());
    }

    @Test
    void aPolicyNamingAnUnknownKeyIsRefused() {
        PolicyReceiver.Outcome outcome = receiver(List.of(pinned))
                .receive(signed("group ks2\n", stranger, "ed25519-stranger"));

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("unknown key 'ed25519-stranger'"), outcome.error());
    }

    @Test
    void aVersionThatIsNotTheContentHashIsRefused() {
        SignedPolicy honest = signed("group ks2\n", console, "ed25519-console");
        SignedPolicy mislabelled = new SignedPolicy("sha256:" + "0".repeat(64), honest.document(), honest.signature(),
                honest.keyId());

        PolicyReceiver.Outcome outcome = receiver(List.of(pinned)).receive(mislabelled);

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("content hash"), outcome.error());
    }

    @Test
    void aDeviceEnrolledWithoutKeysRefusesEveryPolicyAndSaysWhy() {
        PolicyReceiver.Outcome outcome = receiver(List.of()).receive(signed("group ks2\n", console, "ed25519-console"));

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("enrol it again"), outcome.error());
    }

    @Test
    void theLastGoodPolicyIsEnforcedAgainAfterARestart() {
        SignedPolicy good = signed("group ks2\n", console, "ed25519-console");
        receiver(List.of(pinned)).receive(good);

        PolicyInForce afterRestart = new PolicyInForce();
        PolicyReceiver restarted = new PolicyReceiver(new PolicyVerifier(List.of(pinned)), new PolicyStore(state),
                afterRestart);
        restarted.restoreLastGood();

        assertEquals(good.version(), restarted.runningVersion());
        assertArrayEquals(good.document(), afterRestart.current().orElseThrow().bytes());
    }

    @Test
    void aPolicyChangedOnDiskIsNotEnforcedAfterARestart() throws Exception {
        receiver(List.of(pinned)).receive(signed("group ks2\n", console, "ed25519-console"));
        Files.writeString(state.resolve("filter-policy").resolve("policy.bin"), "allow *\n");

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
