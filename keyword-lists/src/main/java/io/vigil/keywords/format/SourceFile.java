package io.vigil.keywords.format;

/** One file of a list set, already decoded: its bare file name (for messages) and its text. */
public record SourceFile(String name, String text) {
}
