package io.vigil.console.domain;

import java.util.Locale;

/** Who a concern can be referred to, as a DSL in England and Wales names them. */
public enum Agency {
    SOCIAL_CARE("Children's social care"),
    LOCAL_AUTHORITY("Local authority (front door / MASH)"),
    POLICE("Police"),
    PREVENT_CHANNEL("Prevent / Channel"),
    CEOP("CEOP"),
    IWF("Internet Watch Foundation"),
    LADO("LADO"),
    CYBER_CHOICES("Cyber Choices"),
    EARLY_HELP("Early help");

    private final String label;

    Agency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Agency fromId(String id) {
        for (Agency a : values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        throw new InvalidCaseChangeException("unknown agency '" + id + "'");
    }
}
