package io.vigil.agent.help;

/** What a pupil asked for on the help page. */
public enum HelpRequest {
    /** "I need help". */
    NEED_HELP("need_help", "I need help"),
    /** "I want to report something I saw". */
    REPORT("report", "I want to report something I saw");

    private final String id;
    private final String words;

    HelpRequest(String id, String words) {
        this.id = id;
        this.words = words;
    }

    /** As sent by the page's form and kept in the alert's rule ids: "need_help", "report". */
    public String id() {
        return id;
    }

    /** The request in the pupil's words, as the DSL reads it. */
    public String words() {
        return words;
    }

    public static java.util.Optional<HelpRequest> byId(String id) {
        for (HelpRequest r : values()) {
            if (r.id.equals(id)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
