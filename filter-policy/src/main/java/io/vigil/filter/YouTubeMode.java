package io.vigil.filter;

/** YouTube restricted mode as Google implements it by DNS: a CNAME to one of two hosts. */
public enum YouTubeMode {
    OFF(null), MODERATE("restrictmoderate.youtube.com"), STRICT("restrict.youtube.com");

    private final String target;

    YouTubeMode(String target) {
        this.target = target;
    }

    /** The CNAME target, or {@code null} when off. */
    public String target() {
        return target;
    }
}
