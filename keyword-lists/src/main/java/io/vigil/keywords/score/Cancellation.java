package io.vigil.keywords.score;

/** A match of {@code ruleId} at {@code span} that did not count because exception {@code exceptionId} covered it. */
public record Cancellation(String ruleId, String exceptionId, Span span) {
}
