package io.vigil.agent.capture;

/** Backspace pressed: the last typed character is gone. */
public record KeyBackspace() implements CaptureEvent {
}
