/**
 * The console's Ed25519 policy-signing keys in {@code DATA/signing/}: the only place that holds a private
 * key devices obey. See {@link io.vigil.console.signing.SigningKeyStore} for the layout and how to rotate.
 */
package io.vigil.console.signing;
