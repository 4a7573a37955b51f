package io.vigil.agent.signing;

import io.vigil.agent.config.PolicyKey;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a pushed policy against the keys pinned at enrolment: known key id, valid Ed25519 signature over the
 * exact bytes, and a content hash matching the version it claims. Order matters for the message only; all
 * three must pass.
 */
public final class PolicyVerifier {

    private final Map<String, PolicyKey> keys;

    public PolicyVerifier(List<PolicyKey> pinned) {
        this.keys = pinned.stream().collect(Collectors.toUnmodifiableMap(PolicyKey::keyId, Function.identity(),
                (a, b) -> a));
    }

    public void verify(SignedPolicy policy) throws PolicyRefusedException {
        verifySignature(policy);
        String actual = versionOf(policy.document());
        if (!actual.equals(policy.version())) {
            throw new PolicyRefusedException("content hash " + actual + " does not match the version "
                    + policy.version() + " it claims");
        }
    }

    /**
     * Pinned key and signature only, for documents that carry their own content hash (a keyword-list bundle names
     * the hash of its payload in its header; the target checks it against the version claimed).
     */
    public void verifySignature(SignedPolicy policy) throws PolicyRefusedException {
        if (keys.isEmpty()) {
            throw new PolicyRefusedException("this device pinned no policy signing keys at enrolment (enrolled "
                    + "before the console signed policies); enrol it again with --force to receive policies");
        }
        PolicyKey key = keys.get(policy.keyId());
        if (key == null) {
            throw new PolicyRefusedException("signed by unknown key '" + policy.keyId() + "'; this device trusts "
                    + keys.keySet().stream().sorted().toList());
        }
        if (!signatureValid(key, policy)) {
            throw new PolicyRefusedException("bad signature: the policy was not signed by key " + policy.keyId()
                    + " or was changed after signing");
        }
    }

    private static boolean signatureValid(PolicyKey key, SignedPolicy policy) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key.publicKey());
            verifier.update(policy.document());
            return verifier.verify(policy.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // a malformed signature is simply not a valid one
        }
    }

    /** {@code sha256:<hex>}, the same version string the console computes. */
    public static String versionOf(byte[] document) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
