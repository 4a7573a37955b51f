package io.vigil.agent.helper.wire;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What crosses the helper socket. No message has a device, school, sequence or raw text field. */
public sealed interface HelperMessage {

    /** Helper to service, first: the protocol version and the user whose session the helper claims. */
    record Hello(int version, String user) implements HelperMessage {
        public Hello {
            Objects.requireNonNull(user);
        }
    }

    /** Helper to service: one keyword match, with only the bounded snippet around it. */
    record MatchedAlert(String uuid, String category, int severity, int score, List<String> ruleIds, String snippet,
                        String app, String windowTitle, String url, long occurredAtMillis, String source,
                        String listVersion, String language) implements HelperMessage {
        public MatchedAlert {
            ruleIds = List.copyOf(ruleIds);
        }
    }

    /** Helper to service: what the helper can capture in this session, and why not the rest. */
    record Capabilities(List<String> available, Map<String, String> unavailable) implements HelperMessage {
        public Capabilities {
            available = List.copyOf(available);
            unavailable = Map.copyOf(unavailable);
        }
    }

    /** Helper to service: stopping on purpose (log-out, shutdown); a disconnect without it is a kill. */
    record Goodbye() implements HelperMessage {
    }

    /** Service to helper: the peer check passed; alerts may follow. */
    record Accepted() implements HelperMessage {
    }

    /** Service to helper: refused, and why; the service closes the connection after it. */
    record Refused(String reason) implements HelperMessage {
        public Refused {
            Objects.requireNonNull(reason);
        }
    }

    /**
     * Service to helper, right after {@link Accepted}: the school's settings for this user, resolved by the
     * service for the kernel-verified user (group, scope, detection profile, notice). The helper captures
     * nothing until it has them. It carries no device credential, console address, spool path or key.
     *
     * @param group          the user's monitoring group id
     * @param when           when that group is monitored: always, school_hours or never
     * @param zone           the school's time zone id
     * @param hours          school hours as "MONDAY 08:00-16:30", one span per entry
     * @param windowPollMillis how often the foreground window is looked at
     * @param signInTitles   extra sign-in window title patterns (regular expressions)
     * @param signInApps     extra apps that only show secret prompts
     * @param profile        the user's detection profile name
     * @param categories     "category=least severity" entries of that profile (6 is off)
     * @param showNotice     whether the notice is to be shown (enabled and not yet accepted)
     * @param screenshotCategories the categories whose alerts carry a screenshot ("all"; empty: none)
     * @param screenshotMinSeverity only alerts at or above this severity carry one
     * @param noImagery      categories the school marks "no imagery" (the fixed ones apply regardless)
     * @param help           whether the helper serves the pupil's Get-help page
     */
    record Settings(String group, String when, String zone, List<String> hours, boolean keyboard, boolean windows,
                    int windowPollMillis, List<String> signInTitles, List<String> signInApps, String profile,
                    int minSeverity, List<String> categories, int thresholdPercent, boolean showNotice,
                    String noticeVersion, String noticeText, List<String> screenshotCategories,
                    int screenshotMinSeverity, List<String> noImagery, boolean help) implements HelperMessage {
        public Settings {
            hours = List.copyOf(hours);
            signInTitles = List.copyOf(signInTitles);
            signInApps = List.copyOf(signInApps);
            categories = List.copyOf(categories);
            screenshotCategories = List.copyOf(screenshotCategories);
            noImagery = List.copyOf(noImagery);
        }

        /** Settings without screenshots or the help page (version 2's fields). */
        public Settings(String group, String when, String zone, List<String> hours, boolean keyboard,
                        boolean windows, int windowPollMillis, List<String> signInTitles, List<String> signInApps,
                        String profile, int minSeverity, List<String> categories, int thresholdPercent,
                        boolean showNotice, String noticeVersion, String noticeText) {
            this(group, when, zone, hours, keyboard, windows, windowPollMillis, signInTitles, signInApps, profile,
                    minSeverity, categories, thresholdPercent, showNotice, noticeVersion, noticeText, List.of(), 5,
                    List.of(), false);
        }
    }

    /** Helper to service: the user accepted this notice version; the service records it for the verified user. */
    record NoticeAccepted(String version) implements HelperMessage {
        public NoticeAccepted {
            Objects.requireNonNull(version);
        }
    }

    /**
     * Helper to service: a screenshot for the alert that follows on this connection is coming, in
     * {@code chunks} {@link EvidenceChunk}s of {@code totalBytes} in all. Sent before its alert, so the
     * service never holds an alert back waiting for a picture: the alert is spooled the moment it arrives,
     * with the screenshot if one was complete and allowed, without it otherwise.
     */
    record EvidenceStart(String uuid, String mediaType, int width, int height, int totalBytes, int chunks)
            implements HelperMessage {
        public EvidenceStart {
            Objects.requireNonNull(uuid);
            Objects.requireNonNull(mediaType);
        }
    }

    /** Helper to service: part {@code index} (from 0, in order) of the screenshot announced by EvidenceStart. */
    record EvidenceChunk(String uuid, int index, byte[] data) implements HelperMessage {
        public EvidenceChunk {
            Objects.requireNonNull(uuid);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EvidenceChunk c && c.uuid.equals(uuid) && c.index == index
                    && java.util.Arrays.equals(c.data, data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(uuid, index, java.util.Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "EvidenceChunk[" + uuid + " #" + index + ", " + data.length + " bytes]";
        }
    }

    /**
     * Helper to service: the pupil asked for help on the helper's page. Only the request's kind and the
     * pupil's own words: the service raises the alert for the kernel-verified user, never a user named here.
     */
    record HelpAsked(String kind, String words) implements HelperMessage {
        public HelpAsked {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(words);
        }
    }

    /**
     * Service to helper, after Settings when the service holds pushed keyword lists, and whenever it verified and
     * stored new ones: load the bundle the service wrote (root-owned, world-readable) and check it is these bytes.
     * The bundle itself cannot cross: frames stop at 16 KiB and a list set is far bigger.
     *
     * @param version the lists' version ({@code sha256:<hex>} of their content, as the console names them)
     * @param sha256  {@code sha256:<hex>} of the whole bundle file the helper is to read
     */
    record ListsChanged(String version, String sha256) implements HelperMessage {
        public ListsChanged {
            Objects.requireNonNull(version);
            Objects.requireNonNull(sha256);
        }
    }

    /**
     * Helper to service, at start and after every {@link ListsChanged}: the version it matches with now, and why
     * not the announced one (empty when it applied). The service reports this version to the console.
     */
    record ListsInUse(String version, String problem) implements HelperMessage {
        public ListsInUse {
            Objects.requireNonNull(version);
            Objects.requireNonNull(problem);
        }
    }
}
