package io.vigil.console.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people about urgent alerts: sends what is due in the {@link UrgentOutbox} (email to the step's on-call
 * person, and the webhook), retrying with backoff, and escalates an alert nobody has acknowledged in time to the
 * next person on call. One thread; it looks once a second, so a new urgent alert is told within about a second
 * of its commit, and {@link #wake()} lets a caller (or a test that moved the clock) ask for a look at once.
 *
 * <p>Messages say only that there is an urgent alert for a school, with a link: never the pupil's words, name or
 * the alert's category, because email and chat leave the school's control.
 */
public final class UrgentNotifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UrgentNotifier.class);
    /** Long enough for a slow SMTP server; a sender that dies holds its messages no longer than this. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    /** Backoff stops growing here: an urgent message is still worth trying every quarter hour. */
    static final Duration MAX_RETRY = Duration.ofMinutes(15);
    private static final Duration IDLE_LOOK = Duration.ofSeconds(1);

    private final UrgentOutbox outbox;
    private final OnCallRepository onCall;
    private final Optional<UrgentChannels.Email> email;
    private final Optional<UrgentChannels.Webhook> webhook;
    private volatile String consoleUrl = "https://localhost";
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition nudged = lock.newCondition();
    private boolean nudge;
    private final java.util.concurrent.atomic.AtomicLong passes = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean closing;
    private Thread thread;

    public UrgentNotifier(UrgentOutbox outbox, OnCallRepository onCall, Optional<UrgentChannels.Email> email,
                          Optional<UrgentChannels.Webhook> webhook, Clock clock) {
        this.outbox = outbox;
        this.onCall = onCall;
        this.email = email;
        this.webhook = webhook;
        this.clock = clock;
    }

    /** Where staff open the console: links in messages start with it. Known only once the web server is up. */
    public UrgentNotifier consoleUrl(String url) {
        this.consoleUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return this;
    }

    public UrgentNotifier start() {
        thread = Thread.ofPlatform().name("urgent-notifier").daemon().start(this::run);
        return this;
    }

    /** Look for due messages and escalations now rather than at the next tick. */
    public void wake() {
        lock.lock();
        try {
            nudge = true;
            nudged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (!closing) {
            try {
                runOnce();
            } catch (RuntimeException e) {
                // A database outage must not end the thread: the rows wait in the outbox until it is back.
                LOG.warn("Urgent-alert notifier could not read its outbox: {}", e.toString());
            }
            passes.incrementAndGet();
            waitForNudge();
        }
    }

    /** Passes completed so far: a caller that moved the clock and woke the notifier waits for two more. */
    public long passes() {
        return passes.get();
    }

    private void waitForNudge() {
        lock.lock();
        try {
            if (!nudge && !closing) {
                nudged.await(IDLE_LOOK.toMillis(), TimeUnit.MILLISECONDS);
            }
            nudge = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        } finally {
            lock.unlock();
        }
    }

    /** One pass: escalate what is overdue, then send what is due. */
    void runOnce() {
        escalateOverdue();
        Instant now = clock.instant();
        for (UrgentOutbox.Message m : outbox.claimDue(now, now.plus(CLAIM), 20)) {
            deliver(m);
        }
    }

    private void escalateOverdue() {
        Instant now = clock.instant();
        for (UrgentOutbox.Sent sent : outbox.awaitingFollowUp(200)) {
            if (sent.acknowledged()) {
                outbox.followedUp(sent.id());
                continue;
            }
            if (sent.doneAt().plus(onCall.settings(sent.schoolId()).escalateAfter()).isAfter(now)) {
                continue;
            }
            if (onCall.onCall(sent.schoolId()).size() > sent.step() + 1) {
                LOG.info("Urgent alert (row {}) not acknowledged in time: telling on-call person {}", sent.alertId(),
                        sent.step() + 2);
                outbox.escalate(sent, now);
            } else {
                LOG.warn("Urgent alert (row {}) still not acknowledged and nobody further is on call", sent.alertId());
                outbox.followedUp(sent.id());
            }
        }
    }

    private void deliver(UrgentOutbox.Message m) {
        Instant now = clock.instant();
        if (m.acknowledged()) {
            outbox.done(m.id(), now, "acknowledged before it was sent");
            return;
        }
        List<OnCallPerson> people = onCall.onCall(m.schoolId());
        String note = null;
        try {
            if (!m.emailSent()) {
                if (email.isEmpty()) {
                    note = "no mail server configured";
                } else if (people.size() <= m.step()) {
                    note = "nobody on call at position " + (m.step() + 1) + " for school " + m.schoolId();
                    LOG.warn("Urgent alert {} for {}: {}", m.alertUuid(), m.schoolName(), note);
                } else {
                    OnCallPerson to = people.get(m.step());
                    email.get().send(to.email(), subject(m), body(m));
                    outbox.emailSent(m.id(), clock.instant());
                    LOG.info("Urgent alert {} emailed to {} (step {})", m.alertUuid(), to.username(), m.step());
                }
            }
            if (!m.webhookSent() && webhook.isPresent()) {
                webhook.get().post(subject(m) + (m.step() > 0 ? " (not yet acknowledged)" : ""), link(m));
                outbox.webhookSent(m.id(), clock.instant());
            }
            outbox.done(m.id(), clock.instant(), note);
        } catch (UrgentChannels.DeliveryException e) {
            Duration wait = backoff(m.attempts());
            LOG.warn("Could not tell anyone about urgent alert {} yet (attempt {}), trying again in {}: {}",
                    m.alertUuid(), m.attempts() + 1, wait, e.getMessage());
            outbox.failed(m.id(), clock.instant().plus(wait), e.getMessage());
        }
    }

    /** 5 s, 10 s, 20 s ... up to 15 minutes. */
    static Duration backoff(int attemptsSoFar) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attemptsSoFar, 10));
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }

    private String link(UrgentOutbox.Message m) {
        return consoleUrl + "/alerts/" + m.alertUuid();
    }

    static String subjectFor(String schoolName) {
        return "Urgent safeguarding alert for " + schoolName;
    }

    private static String subject(UrgentOutbox.Message m) {
        return subjectFor(m.schoolName());
    }

    private String body(UrgentOutbox.Message m) {
        String why = m.step() == 0 ? "You are on call for safeguarding at " + m.schoolName() + "."
                : "Nobody has acknowledged it yet, and you are next on call for safeguarding at " + m.schoolName()
                        + ".";
        return "There is an urgent safeguarding alert for " + m.schoolName() + ".\n\n" + why + "\n\n"
                + "Open it in Vigil and acknowledge it:\n" + link(m) + "\n\n"
                + "This message holds no details on purpose: sign in to see them.\n";
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        wake();
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
