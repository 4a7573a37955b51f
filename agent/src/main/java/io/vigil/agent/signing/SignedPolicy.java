package io.vigil.agent.signing;

/**
 * A filter policy as the console pushed it: nothing here is trusted until {@link PolicyVerifier} says so.
 *
 * @param version   {@code sha256:<hex>} of {@code document}, as the console claims
 * @param keyId     which console key claims to have signed it
 */
public record SignedPolicy(String version, byte[] document, byte[] signature, String keyId) {
}
