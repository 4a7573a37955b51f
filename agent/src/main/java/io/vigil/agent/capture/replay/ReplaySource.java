package io.vigil.agent.capture.replay;

import io.vigil.agent.capture.CaptureEvent;
import io.vigil.agent.capture.CaptureSource;
import io.vigil.agent.capture.KeyTyped;
import io.vigil.agent.capture.LineBreak;
import io.vigil.agent.capture.WindowFocused;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a {@link ReplayScript} as if a pupil were typing: the same events a keyboard hook and window
 * watcher would produce, so everything downstream runs exactly as it will with live capture.
 */
public final class ReplaySource implements CaptureSource {

    private static final Logger log = LoggerFactory.getLogger(ReplaySource.class);
    /** Typing speed of a fluent young typist: 40-120 ms between characters. */
    static final int MIN_KEY_DELAY_MS = 40;
    static final int MAX_KEY_DELAY_MS = 120;
    static final String APP = "replay";

    private final ReplayScript script;
    private final ReplaySpeed speed;
    private final Sleeper sleeper;
    /** Seeded so a demo or test types with the same rhythm every time. */
    private final Random jitter = new Random(20_241_123L);
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile Thread thread;

    public ReplaySource(ReplayScript script, ReplaySpeed speed, Sleeper sleeper) {
        this.script = script;
        this.speed = speed;
        this.sleeper = sleeper;
    }

    /** The alert source name for text typed by a replay. */
    public String textSource() {
        return "replay";
    }

    @Override
    public String capability() {
        return "capture.replay";
    }

    @Override
    public void start(Consumer<CaptureEvent> sink) {
        thread = Thread.ofPlatform().name("vigil-replay").daemon().start(() -> run(sink));
    }

    /** Completes when the last step has been typed (exceptionally if the replay was stopped or failed). */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    /** Plays the script on the calling thread. */
    void run(Consumer<CaptureEvent> sink) {
        try {
            log.info("replaying {} step(s) from {} ({} speed)", script.steps().size(), script.file(),
                    speed.name().toLowerCase(java.util.Locale.ROOT));
            for (ReplayStep step : script.steps()) {
                pause(step.delayMs());
                stopIfInterrupted();
                sink.accept(new WindowFocused(step.windowTitle(), APP));
                if (!step.text().isEmpty()) {
                    type(step.text(), sink);
                    sink.accept(new LineBreak());
                }
            }
            log.info("replay finished");
            finished.complete(null);
        } catch (InterruptedException e) {
            finished.completeExceptionally(e);
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("replay failed: {}", e.toString());
            finished.completeExceptionally(e);
        }
    }

    private void type(String text, Consumer<CaptureEvent> sink) throws InterruptedException {
        for (int i = 0; i < text.length(); i++) {
            pause(MIN_KEY_DELAY_MS + jitter.nextInt(MAX_KEY_DELAY_MS - MIN_KEY_DELAY_MS + 1));
            stopIfInterrupted();
            sink.accept(new KeyTyped(text.charAt(i)));
        }
    }

    /** At instant speed nothing sleeps, so an interrupt from {@link #close()} must be looked for. */
    private static void stopIfInterrupted() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("replay stopped");
        }
    }

    private void pause(long millis) throws InterruptedException {
        if (speed == ReplaySpeed.HUMAN && millis > 0) {
            sleeper.sleep(millis);
        }
    }

    @Override
    public void close() {
        Thread t = thread;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        t.interrupt();
        try {
            // Between two events the replay thread only sleeps or checks for the interrupt: this is quick.
            if (!t.join(Duration.ofSeconds(5))) {
                log.warn("replay thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
