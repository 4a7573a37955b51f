package io.vigil.console.domain;

/**
 * Who an alert goes to, decided by the person it is about (conflict of interest): alerts about pupils, and about
 * unknown or generic logins, go to the safeguarding team; alerts about staff and governors only to the
 * headteacher; alerts about the headteacher only to the chair of governors. A staff login on a pupil's allocated
 * device goes to the safeguarding team, flagged. Nobody reads alerts about themselves, whatever the route.
 */
public enum Route {
    SAFEGUARDING, HEADTEACHER, CHAIR_OF_GOVERNORS;

    /** The id the store compares with (see the routing SQL). */
    public String id() {
        return switch (this) {
            case SAFEGUARDING -> "dsl";
            case HEADTEACHER -> "head";
            case CHAIR_OF_GOVERNORS -> "chair";
        };
    }

    /** How the alert page names the route, e.g. "headteacher only (about a member of staff)". */
    public String describe() {
        return switch (this) {
            case SAFEGUARDING -> "safeguarding team";
            case HEADTEACHER -> "headteacher only (about a member of staff or a governor)";
            case CHAIR_OF_GOVERNORS -> "chair of governors only (about the headteacher)";
        };
    }
}
