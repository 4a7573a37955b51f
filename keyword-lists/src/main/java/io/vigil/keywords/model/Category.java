package io.vigil.keywords.model;

/** One entry of {@code categories.txt}: the registry the validator checks {@code @category} against. */
public record Category(String id, String name, String description) {
}
