package io.vigil.console.domain;

import java.util.Locale;

/**
 * What was done about a concern, recorded when its case is closed. The referral outcomes name the agency as
 * KCSIE and the school's record system do; {@link #FALSE_POSITIVE} is what rule precision is counted from.
 */
public enum Outcome {
    FALSE_POSITIVE("False positive"),
    NO_FURTHER_ACTION("No further action"),
    SPOKE_WITH_PUPIL("Spoke with the pupil"),
    PARENTS_INFORMED("Parents or carers informed"),
    EARLY_HELP("Early help"),
    REFERRED_SOCIAL_CARE("Referred to children's social care"),
    REFERRED_POLICE("Referred to the police"),
    REFERRED_PREVENT("Referred to Prevent / Channel"),
    REFERRED_CEOP("Referred to CEOP"),
    REFERRED_IWF("Reported to the IWF"),
    REFERRED_LADO("Referred to the LADO");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stored and API id, e.g. {@code referred_police}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromId(String id) {
        for (Outcome o : values()) {
            if (o.id().equals(id)) {
                return o;
            }
        }
        throw new InvalidCaseChangeException("unknown outcome '" + id + "'");
    }
}
