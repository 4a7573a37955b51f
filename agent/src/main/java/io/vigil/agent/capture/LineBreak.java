package io.vigil.agent.capture;

/** Enter or Tab pressed: the text typed so far is a finished line (a message sent, a search submitted, the next field). */
public record LineBreak() implements CaptureEvent {
}
