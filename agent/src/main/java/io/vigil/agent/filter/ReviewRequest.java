package io.vigil.agent.filter;

import java.time.Instant;
import java.util.UUID;

/** "Please review this block": sent from the block page to the console for the IT provider and DSL. */
public record ReviewRequest(UUID uuid, String user, String domain, String category, String comment,
                            Instant requestedAt) {

    /** Mirrors the proto's bound, so what the agent keeps is what the console accepts. */
    public static final int MAX_COMMENT_CHARS = 500;

    public ReviewRequest {
        if (comment.length() > MAX_COMMENT_CHARS) {
            comment = comment.substring(0, MAX_COMMENT_CHARS);
        }
    }
}
