package io.vigil.agent.capture;

/** A printable character typed into the focused window (a keyboard hook's "key typed"). */
public record KeyTyped(char character) implements CaptureEvent {
}
