package io.vigil.agent.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * The monitoring notice each group is shown at log-on, as the school wrote it.
 *
 * @param versionLabel the school's name for this wording ("2026-09"); empty means "use a content hash", so
 *                     changing the words always asks everyone to accept again
 */
public record NoticeTexts(String versionLabel, Map<MonitoringGroup, String> texts) {

    /** Plain words a Year 3 pupil can follow; schools replace them with their own policy's wording. */
    private static final Map<MonitoringGroup, String> DEFAULT_TEXTS = Map.of(
            MonitoringGroup.PUPILS, "This computer belongs to the school. To help keep you safe, the school can see "
                    + "what is typed and which windows are open on it. If something worrying is found, a member of "
                    + "staff who looks after pupils' safety may talk to you about it. If you are worried about "
                    + "anything, you can ask for help at any time.",
            MonitoringGroup.STAFF, "This device is monitored under the school's safeguarding and acceptable use "
                    + "policies. Typed text and window titles are checked for safeguarding risks; matches are "
                    + "seen by the Designated Safeguarding Lead.",
            MonitoringGroup.GUESTS, "This is a school device and it is monitored. Typed text and window titles are "
                    + "checked for safeguarding risks. By continuing you agree to the school's acceptable use "
                    + "policy.");

    /** The default wording for every group, versioned by its content. */
    public static final NoticeTexts DEFAULTS = new NoticeTexts("", DEFAULT_TEXTS);

    /** One group's notice, with the version a user accepts. */
    public record Notice(MonitoringGroup group, String version, String text) {
    }

    public NoticeTexts {
        Objects.requireNonNull(versionLabel);
        Map<MonitoringGroup, String> all = new EnumMap<>(MonitoringGroup.class);
        for (MonitoringGroup g : MonitoringGroup.values()) {
            String text = texts.getOrDefault(g, DEFAULT_TEXTS.get(g)).strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("the notice for " + g.id() + " is empty");
            }
            all.put(g, text);
        }
        texts = java.util.Collections.unmodifiableMap(all);
    }

    public Notice noticeFor(MonitoringGroup group) {
        String text = texts.get(group);
        return new Notice(group, versionLabel.isBlank() ? contentHash(text) : versionLabel.strip(), text);
    }

    private static String contentHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }
}
