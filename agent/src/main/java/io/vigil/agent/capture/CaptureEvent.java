package io.vigil.agent.capture;

/**
 * What a capture source observes, in the order it happened. Sources report raw input; turning it
 * into lines of text (and deciding what to keep) is the match layer's job, so every source gets the
 * same privacy rules.
 */
public sealed interface CaptureEvent permits KeyTyped, KeyBackspace, KeyDelete, LineBreak, WindowFocused {
}
