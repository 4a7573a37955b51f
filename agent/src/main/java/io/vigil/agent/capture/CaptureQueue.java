package io.vigil.agent.capture;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the events of several capture sources into one order and hands them, one at a time, to a single
 * consumer on one thread. A source's thread (the keyboard hook's, above all) never waits for matching,
 * screenshots or the disk: it only enqueues, and each event is stamped with the time it arrived.
 *
 * <h2>Which window was a key typed in?</h2>
 * The keyboard hook reports keys as they happen; the window in front can only be looked at now and then
 * ({@link #watchFocus}). Looking takes time (OSHI runs xprop on X11: 30 ms, more on a busy laptop), so a
 * naive design attributes keys typed just before a window switch to the new window. Typed into a sign-in
 * window and attributed to the chat window next to it, a password would be kept. So the looks happen here,
 * on the queue's own thread, and the keys that arrived before a look are handed over before the window
 * change it found. Where a look cannot tell (keys arriving while it runs), the choice fails closed:
 * a switch into a sensitive window (sign-in) counts from the start of the look, a switch out of one from
 * its end, so ambiguous keys are attributed to the sensitive window and dropped.
 *
 * <p>The queue is bounded: a consumer stuck for minutes must not let memory grow without limit. Past the
 * bound new events are dropped and counted, which costs some typed text but never the agent.
 */
public final class CaptureQueue implements AutoCloseable {

    /** About ten minutes of very fast typing; far more than a healthy consumer ever lags. */
    static final int CAPACITY = 50_000;
    /** A pause between keys long enough to switch windows with the mouse: look before the next key. */
    static final long BURST_GAP_NANOS = 300_000_000L;
    private static final Logger log = LoggerFactory.getLogger(CaptureQueue.class);

    private final BlockingQueue<Object> queue;
    private final Consumer<CaptureEvent> consumer;
    private final AtomicLong dropped = new AtomicLong();
    /** Taken from the queue but not yet handed over (kept back while a look decides their window). */
    private final Deque<Timed> held = new ArrayDeque<>();
    private volatile boolean closing;
    private Thread thread;
    private FocusProbe focus;
    private long pollNanos;
    private Predicate<WindowFocused> sensitive = w -> false;
    private long nextLook;
    private long lastKeyAt = Long.MIN_VALUE;
    private boolean burstEnded = true;
    private boolean inSensitive;

    public CaptureQueue(Consumer<CaptureEvent> consumer) {
        this(consumer, CAPACITY);
    }

    CaptureQueue(Consumer<CaptureEvent> consumer, int capacity) {
        this.consumer = consumer;
        this.queue = new LinkedBlockingQueue<>(capacity);
    }

    /**
     * Looks at the foreground window every {@code interval} and before the first key of each burst of typing.
     * Call before {@link #start()}.
     *
     * @param sensitive windows whose keys must be dropped (sign-in prompts): ambiguous keys go to them
     */
    public synchronized void watchFocus(FocusProbe probe, Duration interval, Predicate<WindowFocused> sensitive) {
        if (thread != null) {
            throw new IllegalStateException("watchFocus after start");
        }
        this.focus = probe;
        this.pollNanos = interval.toNanos();
        this.sensitive = sensitive;
    }

    public synchronized void start() {
        if (thread == null) {
            nextLook = System.nanoTime();
            thread = Thread.ofPlatform().name("vigil-capture").daemon().start(this::run);
        }
    }

    /** The sink every source is given; safe to call from any thread, never blocks. */
    public void offer(CaptureEvent event) {
        if (closing) {
            return;
        }
        if (!queue.offer(new Timed(System.nanoTime(), event)) && dropped.getAndIncrement() == 0) {
            log.warn("capture queue full ({} events): dropping new events until matching catches up", CAPACITY);
        }
    }

    /** Completes once every event offered before this call has been handed to the consumer. */
    public CompletableFuture<Void> barrier() {
        Barrier barrier = new Barrier(new CompletableFuture<>());
        try {
            queue.put(barrier);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            barrier.done().completeExceptionally(e);
        }
        return barrier.done();
    }

    /** Events dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    private void run() {
        while (!closing || !queue.isEmpty()) {
            Object next;
            try {
                long wait = focus == null ? 200_000_000L : Math.max(1, Math.min(200_000_000L, nextLook - System.nanoTime()));
                next = queue.poll(wait, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next != null) {
                held.addLast(next instanceof Timed t ? t : new Timed(Long.MIN_VALUE, next));
            }
            if (focus != null && next instanceof Timed t && startsBurst(t)) {
                look(t.at());
            } else if (focus != null && System.nanoTime() - nextLook >= 0) {
                look(Long.MAX_VALUE);
            }
            while (!held.isEmpty()) {
                deliver(held.removeFirst().item());
            }
            if (next == null && dropped.get() > 0) {
                log.warn("capture queue recovered; {} event(s) were dropped while it was full", dropped.getAndSet(0));
            }
        }
    }

    /** The first key after a pause, a click or Enter: the pupil may be in another window now. */
    private boolean startsBurst(Timed t) {
        if (!(t.item() instanceof CaptureEvent e) || e instanceof WindowFocused) {
            return false;
        }
        boolean starts = burstEnded || t.at() - lastKeyAt > BURST_GAP_NANOS;
        lastKeyAt = t.at();
        burstEnded = e instanceof LineBreak || e instanceof KeyDelete;
        return starts;
    }

    /**
     * Looks at the window in front and, if it changed, hands over first the events that arrived before the
     * change (see the class comment for where the line is drawn), then the change.
     *
     * @param burstStart arrival of the key that triggered the look, or MAX_VALUE for a timed look
     */
    private void look(long burstStart) {
        long before = System.nanoTime();
        Optional<WindowFocused> change;
        try {
            change = focus.lookNow();
        } catch (RuntimeException e) {
            log.warn("could not look at the foreground window: {}", e.toString());
            change = Optional.empty();
        }
        long after = System.nanoTime();
        nextLook = after + pollNanos;
        if (change.isEmpty()) {
            return;
        }
        // Out of a sign-in window the switch counts from the latest moment it can have happened, otherwise from
        // the earliest (the pause before a burst is when the pupil clicked elsewhere). Either way an ambiguous
        // key lands in the sign-in window, where it is dropped.
        boolean leavingSensitive = inSensitive && !sensitive.test(change.get());
        inSensitive = sensitive.test(change.get());
        long boundary = leavingSensitive ? after : Math.min(before, burstStart);
        Deque<Timed> earlier = new ArrayDeque<>();
        while (!held.isEmpty() && held.peekFirst().at() < boundary) {
            earlier.addLast(held.removeFirst());
        }
        drainArrivedBefore(boundary, earlier);
        earlier.forEach(t -> deliver(t.item()));
        deliver(change.get());
    }

    private void drainArrivedBefore(long boundary, Deque<Timed> into) {
        while (queue.peek() instanceof Timed t && t.at() < boundary) {
            into.addLast((Timed) queue.poll());
        }
    }

    private void deliver(Object next) {
        switch (next) {
            case Barrier b -> b.done().complete(null);
            case CaptureEvent event -> {
                try {
                    consumer.accept(event);
                } catch (RuntimeException e) {
                    // One bad event must not end monitoring on the device.
                    log.error("capture event could not be processed; carrying on", e);
                }
            }
            default -> throw new IllegalStateException("unexpected queue item " + next.getClass());
        }
    }

    /** Stops taking events, hands over what is already queued, and stops the thread. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closing = true;
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A queue item with the time it arrived; barriers are stamped too, so they keep their place. */
    private record Timed(long at, Object item) {
    }

    private record Barrier(CompletableFuture<Void> done) {
    }
}
