package io.vigil.agent.filter;

import io.vigil.agent.alert.DeviceRecord;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the resolver fast: the spool fsyncs every record, which must never happen on the thread answering
 * DNS. Records queue here (bounded) and one thread hands them on. If the queue is full (a program hammering
 * thousands of blocked names a second) further records are dropped and counted, never the DNS answer delayed;
 * alerts are never dropped: they wait for room.
 */
public final class AsyncFilterListener implements FilterListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AsyncFilterListener.class);
    static final int CAPACITY = 10_000;

    private final FilterListener delegate;
    private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread worker;
    private volatile boolean closed;

    public AsyncFilterListener(FilterListener delegate) {
        this.delegate = delegate;
        this.worker = Thread.ofPlatform().name("vigil-filter-records").daemon().start(this::drain);
    }

    @Override
    public void report(DeviceRecord record) {
        if (!queue.offer(() -> delegate.report(record))) {
            if (dropped.getAndIncrement() % 1_000 == 0) {
                log.warn("filter records arrive faster than the spool takes them; {} dropped so far", dropped.get());
            }
        }
    }

    @Override
    public void alert(FilterAlert alert) {
        try {
            queue.put(() -> delegate.alert(alert));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delegate.alert(alert); // never lose an alert: deliver it on this thread instead
        }
    }

    public long dropped() {
        return dropped.get();
    }

    private void drain() {
        while (!closed || !queue.isEmpty()) {
            try {
                Runnable next = queue.poll(200, TimeUnit.MILLISECONDS);
                if (next != null) {
                    next.run();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("filter record not handed on: {}", e.toString());
            }
        }
    }

    /** Hands on everything queued, then stops. */
    @Override
    public void close() {
        closed = true;
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
