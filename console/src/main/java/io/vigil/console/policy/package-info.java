/**
 * Filter policy publishing: an upload is validated with the filter-policy parser (every problem as
 * {@code file:line}; nothing stored when any), stored as an immutable version named by its content hash,
 * signed ({@link io.vigil.console.policy.PolicySigner}) and pushed over the school's open sessions
 * ({@link io.vigil.console.policy.PolicyPush}); a device that connects later gets it right after Hello when its
 * version differs ({@link io.vigil.console.policy.PolicyDelivery}), and what each device reports back is kept.
 *
 * <p>Grants and suspensions ({@link io.vigil.console.policy.FilterOverlays}) are not a second channel: they
 * are lines in a console-generated section at the end of the signed document, so the device enforces and
 * expires them with the same code as the rest of the policy. The versions table already records requester and
 * decider, so a second approver (a leader of the school) fits between validation and signing.
 */
package io.vigil.console.policy;
