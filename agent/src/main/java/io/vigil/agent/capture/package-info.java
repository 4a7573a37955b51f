/**
 * Capture sources and the events they report. Every source (the replay today; the JNativeHook
 * keyboard and OSHI window sources later) implements {@link io.vigil.agent.capture.CaptureSource}
 * and emits the same {@link io.vigil.agent.capture.CaptureEvent}s, so matching and privacy rules
 * apply identically to all of them.
 */
package io.vigil.agent.capture;
