package io.vigil.filter;

/**
 * An entry the filter cannot enforce, reported so the console states the limit instead of implying coverage.
 * The typical case is a full URL on an illegal-content list: DNS sees only the host name, so blocking the URL
 * would mean blocking the whole (often legitimate) host; the entry is therefore reported, not enforced.
 */
public record PolicyLimit(String file, int line, String entry, String explanation) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + entry + " — " + explanation;
    }
}
