package io.vigil.agent.match;

/** A finished line of typed text and the window it was typed in. */
public record TypedLine(String text, String windowTitle, String app) {
}
