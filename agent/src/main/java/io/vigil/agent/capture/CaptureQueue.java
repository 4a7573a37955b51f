package io.vigil.agent.capture;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the events of several capture sources into one order and hands them, one at a time, to a single
 * consumer on one thread. A source's thread (the keyboard hook's, above all) never waits for matching,
 * screenshots or the disk: it only enqueues.
 *
 * <p>The queue is bounded: a consumer stuck for minutes must not let memory grow without limit. Past the
 * bound new events are dropped and counted (logged once per overflow), which costs some typed text but
 * never the agent.
 */
public final class CaptureQueue implements AutoCloseable {

    /** About ten minutes of very fast typing; far more than a healthy consumer ever lags. */
    static final int CAPACITY = 50_000;
    private static final Logger log = LoggerFactory.getLogger(CaptureQueue.class);

    private final BlockingQueue<Object> queue;
    private final Consumer<CaptureEvent> consumer;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closing;
    private Thread thread;

    public CaptureQueue(Consumer<CaptureEvent> consumer) {
        this(consumer, CAPACITY);
    }

    CaptureQueue(Consumer<CaptureEvent> consumer, int capacity) {
        this.consumer = consumer;
        this.queue = new LinkedBlockingQueue<>(capacity);
    }

    public synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().name("vigil-capture").daemon().start(this::run);
        }
    }

    /** The sink every source is given; safe to call from any thread. */
    public void offer(CaptureEvent event) {
        if (closing) {
            return;
        }
        if (!queue.offer(event) && dropped.getAndIncrement() == 0) {
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
                next = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            deliver(next);
        }
    }

    private void deliver(Object next) {
        switch (next) {
            case null -> {
                if (dropped.get() > 0) {
                    log.warn("capture queue recovered; {} event(s) were dropped while it was full", dropped.getAndSet(0));
                }
            }
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

    private record Barrier(CompletableFuture<Void> done) {
    }
}
