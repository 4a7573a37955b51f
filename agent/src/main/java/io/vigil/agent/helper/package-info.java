/**
 * The local channel between the two halves of the agent on a desktop: the system service (root: filter,
 * spool, transport, policy, health) and the per-user session helper (keyboard, windows, matching).
 *
 * <p>Why matching happens in the helper: the brief forbids a raw keystroke stream from ever leaving the
 * place it is captured. The helper runs the keyword matcher itself and sends only matched alerts, each with a
 * snippet bounded to {@link io.vigil.agent.alert.AlertRecord#MAX_SNIPPET_CHARS}; nothing typed crosses the socket
 * otherwise. The service treats every frame as untrusted input ({@code service}): sizes are bounded, fields
 * validated, alerts rate-limited, and the helper can never set the device, the school or a sequence (it
 * has no field for them; the spool numbers what the service accepts, and the user is the one whose uid the
 * kernel vouched for).
 *
 * <p>After the handshake the service may send the school's settings again (the config changed) and announce
 * keyword lists; the helper applies both while it runs and answers with the lists it matches with.
 *
 * <ul>
 *   <li>{@code wire}: the framing and the messages, shared by both sides.</li>
 *   <li>{@code service}: the socket server in the system service: peer credential check, validation, rate
 *       limit, presence (a helper missing or killed is reported).</li>
 *   <li>{@code client}: the helper's end; it knows nothing of the spool or the console.</li>
 *   <li>{@code lists}: pushed keyword lists handed from the service, which verified them, to the helpers,
 *       through a root-owned file named by its hash (a bundle is far bigger than a frame).</li>
 * </ul>
 */
package io.vigil.agent.helper;
