package io.vigil.keywords.score;

/** A range of the ORIGINAL text, {@code [start, end)}. */
public record Span(int start, int end) {
}
