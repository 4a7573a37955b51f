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
}
