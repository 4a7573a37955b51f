package io.vigil.console.domain;

import java.util.Locale;

/**
 * Where an alert is in the DSL's workflow: new, in review, escalated (to a deputy, the head or an agency), closed
 * with an outcome. A case may move back (a closed case reopened to in review), never skip its outcome.
 */
public enum AlertStatus {
    NEW("New"), IN_REVIEW("In review"), ESCALATED("Escalated"), CLOSED("Closed");

    private final String label;

    AlertStatus(String label) {
        this.label = label;
    }

    /** As a DSL reads it: "In review". */
    public String label() {
        return label;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertStatus fromId(String id) {
        for (AlertStatus status : values()) {
            if (status.id().equals(id)) {
                return status;
            }
        }
        throw new IllegalArgumentException("status must be one of new, in_review, escalated, closed");
    }
}
