package io.vigil.keywords.match;

/** A pattern matched the normalised text at {@code [start, end)} (normalised positions). */
public record PatternHit(int pattern, int start, int end) {
}
