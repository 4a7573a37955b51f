package io.vigil.agent.capture;

/**
 * The caret moved or text was deleted somewhere other than at the end (Delete, arrows, Home/End). The
 * hook cannot know where the caret now is, so the text rebuilt so far ends here rather than being
 * spliced wrongly with what comes next.
 */
public record KeyDelete() implements CaptureEvent {
}
