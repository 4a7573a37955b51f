package io.vigil.console.policy;

import java.util.List;

/**
 * Signs what the console pushes to devices. Several public keys may be published (rotation: agents enrolled
 * before a new key still trust the old one); exactly one signs.
 */
public interface PolicySigner {

    /** Ed25519 signature over {@code document} with the active key. */
    byte[] sign(byte[] document);

    /** The id of the key {@link #sign} uses. */
    String activeKeyId();

    /** Every public key agents should pin, the active one first. */
    List<PublicSigningKey> publicKeys();
}
