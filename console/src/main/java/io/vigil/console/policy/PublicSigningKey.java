package io.vigil.console.policy;

/**
 * One of the console's policy-signing public keys as agents pin it at enrolment.
 *
 * @param keyId     short stable name derived from the key itself ({@code ed25519-<16 hex>})
 * @param x509      the Ed25519 public key, X.509 SubjectPublicKeyInfo encoded
 */
public record PublicSigningKey(String keyId, byte[] x509) {
}
