package io.vigil.agent.capture;

/** Enter pressed: the text typed so far is a finished line (a message sent, a search submitted). */
public record LineBreak() implements CaptureEvent {
}
