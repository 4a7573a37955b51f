package io.vigil.keywords.model;

/** The six required headers of a {@code .vkl} file. */
public record ListHeader(String category, String name, int severity, int threshold, String language,
                         String version) {
}
