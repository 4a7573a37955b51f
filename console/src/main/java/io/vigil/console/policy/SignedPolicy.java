package io.vigil.console.policy;

/**
 * A filter policy as it travels to devices: the document, its content hash (the version the device reports
 * back) and the console's signature over the document.
 */
public record SignedPolicy(String version, byte[] document, byte[] signature, String keyId) {
}
