package io.vigil.console.web;

/** The {@code school} parameter of a published change: a school id, or {@code provider} (or none) for every school. */
final class ChangeTarget {

    private ChangeTarget() {
    }

    /** @return the school id, or null for a provider-wide change */
    static Long parse(String school) {
        if (school == null || school.isBlank() || school.strip().equals("provider")) {
            return null;
        }
        try {
            return Long.parseLong(school.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("school: '" + school + "' is not a school id or 'provider'");
        }
    }
}
