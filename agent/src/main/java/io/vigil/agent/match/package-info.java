/**
 * From captured events to alerts. {@link io.vigil.agent.match.TextAssembler} rebuilds the line being
 * typed (at most 500 characters, nothing at all in sign-in or password windows);
 * {@link io.vigil.agent.match.AlertDetector} scans each finished line and each focused window's
 * title with the keyword lists and raises an alert carrying only the engine's bounded snippet.
 * Nothing here stores or sends typed text.
 */
package io.vigil.agent.match;
