package io.vigil.console.domain;

import java.util.Locale;

/** Where an alert is in the DSL's workflow. Triage actions that move between them come later. */
public enum AlertStatus {
    NEW, IN_REVIEW, CLOSED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertStatus fromId(String id) {
        for (AlertStatus status : values()) {
            if (status.id().equals(id)) {
                return status;
            }
        }
        throw new IllegalArgumentException("status must be one of new, in_review, closed");
    }
}
