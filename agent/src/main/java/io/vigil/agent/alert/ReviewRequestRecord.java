package io.vigil.agent.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user asked, from the block page, for a blocked site to be reviewed ("this should not be blocked").
 *
 * @param comment what the user wrote, at most {@link #MAX_COMMENT_CHARS}; may be empty
 */
public record ReviewRequestRecord(UUID uuid, String user, String domain, String category, String comment,
                                  Instant requestedAt) implements DeviceRecord {

    /** The contract's bound: a comment, not a document. */
    public static final int MAX_COMMENT_CHARS = 500;

    public ReviewRequestRecord {
        Objects.requireNonNull(uuid);
        Objects.requireNonNull(user);
        Objects.requireNonNull(domain);
        Objects.requireNonNull(category);
        Objects.requireNonNull(comment);
        Objects.requireNonNull(requestedAt);
        if (comment.length() > MAX_COMMENT_CHARS) {
            throw new IllegalArgumentException("comment of " + comment.length() + " chars exceeds " + MAX_COMMENT_CHARS);
        }
    }

    public static ReviewRequestRecord of(String user, String domain, String category, String comment, Instant at) {
        return new ReviewRequestRecord(UUID.randomUUID(), user, domain, category, comment, at);
    }

    @Override
    public String kind() {
        return "review request";
    }
}
