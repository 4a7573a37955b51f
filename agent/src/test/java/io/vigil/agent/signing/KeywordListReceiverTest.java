package io.vigil.agent.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.config.PolicyKey;
import io.vigil.agent.match.KeywordScanner;
import io.vigil.agent.match.SwappableScanner;
import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.bundle.Bundle;
import io.vigil.keywords.format.ListSetLoader;
import io.vigil.keywords.format.ListSources;
import io.vigil.keywords.format.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyword-list bundles as the console pushes them, with real Ed25519 keys, the real keyword engine and real
 * files: what the matcher accepts, refuses (and says why), and keeps across a restart.
 */
class KeywordListReceiverTest {

    private static final String NEW_TERM = "you are a zorblat wibble";

    @TempDir
    Path state;

    private final KeyPair console = generate();
    private final KeyPair stranger = generate();
    private final PolicyKey pinned = new PolicyKey("ed25519-console", console.getPublic().getEncoded());

    @Test
    void aSignedBundleIsSwappedInAndChangesWhatIsMatched() throws Exception {
        SwappableScanner scanner = builtIn();
        PolicyReceiver receiver = receiver(scanner);
        assertFalse(scanner.scan(NEW_TERM).alert(), "the built-in lists do not know the term");
        SignedPolicy bundle = signed(withNewTerm(), console, "ed25519-console");

        PolicyReceiver.Outcome outcome = receiver.receive(bundle);

        assertEquals(new PolicyReceiver.Outcome(bundle.version(), true, ""), outcome);
        assertTrue(scanner.scan(NEW_TERM).alert());
        assertEquals(bundle.version(), scanner.version());
        assertEquals(bundle.version(), receiver.runningVersion());
    }

    @Test
    void aTamperedBundleAndOneFromAnotherKeyAreRefusedAndTheRunningListsStay() throws Exception {
        SwappableScanner scanner = builtIn();
        String before = scanner.version();
        PolicyReceiver receiver = receiver(scanner);
        SignedPolicy good = signed(withNewTerm(), console, "ed25519-console");
        byte[] changed = new String(good.document(), StandardCharsets.UTF_8).replace("zorblat", "zorblet")
                .getBytes(StandardCharsets.UTF_8);

        var tampered = receiver.receive(new SignedPolicy(good.version(), changed, good.signature(), good.keyId()));
        var foreign = receiver.receive(signed(withNewTerm(), stranger, "ed25519-stranger"));
        var forgedWithPinnedId = receiver.receive(signed(withNewTerm(), stranger, "ed25519-console"));

        assertFalse(tampered.ok());
        assertTrue(tampered.error().contains("bad signature"), tampered.error());
        assertTrue(foreign.error().contains("unknown key"), foreign.error());
        assertTrue(forgedWithPinnedId.error().contains("bad signature"), forgedWithPinnedId.error());
        assertEquals(before, scanner.version());
        assertFalse(scanner.scan(NEW_TERM).alert());
    }

    @Test
    void aSignedBundleThatClaimsAnotherVersionOrFailsValidationIsRefusedWithTheReason() throws Exception {
        SwappableScanner scanner = builtIn();
        PolicyReceiver receiver = receiver(scanner);
        SignedPolicy good = signed(withNewTerm(), console, "ed25519-console");
        SignedPolicy mislabelled = sign(good.document(), "sha256:" + "ab".repeat(32), console, "ed25519-console");
        byte[] invalid = bundleOf(List.of(new SourceFile("categories.txt", "a\tA\tx\tcontent\t-\n"),
                new SourceFile("a.vkl", "@category a\n@name A\n@severity 3\n@threshold 10\n@language en\n@version 1\n"
                        + "term a.x banned 9 \"x\"\n")));

        var wrongVersion = receiver.receive(mislabelled);
        var refused = receiver.receive(sign(invalid, "sha256:whatever", console, "ed25519-console"));

        assertTrue(wrongVersion.error().contains("does not match the version"), wrongVersion.error());
        assertTrue(refused.error().contains("a.vkl:7"), refused.error());
        assertFalse(scanner.scan(NEW_TERM).alert());
    }

    @Test
    void theLastGoodBundleIsLoadedAtStartBeforeAnythingIsMatched() throws Exception {
        SignedPolicy bundle = signed(withNewTerm(), console, "ed25519-console");
        receiver(builtIn()).receive(bundle);

        SwappableScanner restarted = builtIn();
        PolicyReceiver again = receiver(restarted);
        again.restoreLastGood();

        assertEquals(bundle.version(), again.runningVersion());
        assertTrue(restarted.scan(NEW_TERM).alert());
    }

    @Test
    void aSnapshotKeepsMatchingWithOneEngineWhileAnotherIsSwappedIn() throws Exception {
        SwappableScanner scanner = builtIn();
        var before = scanner.snapshot();
        scanner.swap(new KeywordScanner(KeywordEngine.fromBundle(withNewTerm())));
        assertFalse(before.scan(NEW_TERM).alert(), "a text being matched finishes with the engine it started with");
        assertTrue(scanner.snapshot().scan(NEW_TERM).alert());
    }

    private SwappableScanner builtIn() {
        return new SwappableScanner(new KeywordScanner(KeywordEngine.bundled()));
    }

    private PolicyReceiver receiver(SwappableScanner scanner) {
        PolicyVerifier verifier = new PolicyVerifier(List.of(pinned));
        return new PolicyReceiver("keyword lists", verifier::verifySignature, new PolicyStore(state, "signed-lists"),
                new KeywordListsTarget(scanner), scanner.version());
    }

    private static byte[] withNewTerm() throws Exception {
        List<SourceFile> files = ListSources.fromClasspath(KeywordEngine.class.getClassLoader(),
                KeywordEngine.BUNDLED_LISTS).stream().map(f -> f.name().equals("bullying.vkl")
                        ? new SourceFile(f.name(), f.text() + "term bu.test-zorblat banned 3 \"zorblat wibble\"\n") : f)
                .toList();
        return Bundle.of(new ListSetLoader().load(files)).bytes();
    }

    /** A bundle in the compiled format whose header hash is right, however bad its lists are. */
    private static byte[] bundleOf(List<SourceFile> files) throws Exception {
        StringBuilder payload = new StringBuilder();
        for (SourceFile f : files) {
            payload.append("file ").append(f.name()).append(' ').append(f.text().getBytes(StandardCharsets.UTF_8).length)
                    .append('\n').append(f.text()).append('\n');
        }
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        return ("vigil-keyword-bundle 1\nversion sha256:" + hash + "\n" + payload).getBytes(StandardCharsets.UTF_8);
    }

    private static SignedPolicy signed(byte[] bundle, KeyPair key, String keyId) throws Exception {
        return sign(bundle, KeywordEngine.fromBundle(bundle).version(), key, keyId);
    }

    private static SignedPolicy sign(byte[] bundle, String version, KeyPair key, String keyId) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(bundle);
        return new SignedPolicy(version, bundle, signer.sign(), keyId);
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
