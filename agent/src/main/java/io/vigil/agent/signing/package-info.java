/**
 * What the console pushes, and why the device believes it. The console signs every filter policy with an
 * Ed25519 key whose public half the agent pinned at enrolment ({@code policy.signing_keys} in the config);
 * {@link io.vigil.agent.signing.PolicyVerifier} accepts a push only when its key id is pinned, the signature
 * covers the exact bytes and the bytes hash to the version they claim. TLS pinning alone is not enough: a
 * console database changed without the key must not change what devices filter.
 *
 * <p>{@link io.vigil.agent.signing.PolicyReceiver} hands a verified document to the filter
 * ({@link io.vigil.agent.signing.FilterPolicyTarget}), keeps it as the last good one on disk
 * ({@link io.vigil.agent.signing.PolicyStore}) and answers PolicyApplied; on start it verifies the saved one
 * again before enforcing it, so the device is filtered before it reaches the console, and a file changed on
 * disk is refused like a bad push. A refused policy leaves the previous one in force.
 */
package io.vigil.agent.signing;
