package io.vigil.console.notify;

import java.time.Instant;
import java.util.List;

/**
 * The durable queue of urgent-alert messages. The first message of an alert is written with the alert itself
 * (by the alert store); this interface is what the sender and the escalation check need.
 */
public interface UrgentOutbox {

    /** A message claimed for sending, with what it may say: the school's name and the alert's uuid, no more. */
    record Message(long id, String alertUuid, long schoolId, String schoolName, int step, int attempts,
                   boolean emailSent, boolean webhookSent, boolean acknowledged) {
    }

    /** A sent message whose alert has not yet been followed up by the escalation check. */
    record Sent(long id, long alertId, long schoolId, int step, Instant doneAt, boolean acknowledged) {
    }

    /**
     * Claims up to {@code max} unsent messages due by {@code now} until {@code claimUntil}: no other sender (on
     * this or another console node) takes them meanwhile; if this one dies, they are claimable again after it.
     */
    List<Message> claimDue(Instant now, Instant claimUntil, int max);

    void emailSent(long id, Instant at);

    void webhookSent(long id, Instant at);

    /** Nothing more to send for this message; {@code note} (may be null) says why if it was not sent. */
    void done(long id, Instant at, String note);

    /** Sending failed: try again at {@code retryAt}. */
    void failed(long id, Instant retryAt, String error);

    /** Sent messages whose alert's escalation has not been dealt with yet, oldest first. */
    List<Sent> awaitingFollowUp(int max);

    /** Queues the next step of the alert, due at {@code due}, and marks {@code sent} followed up, atomically. */
    void escalate(Sent sent, Instant due);

    /** Nothing more to do for this step: acknowledged, or nobody left to tell. */
    void followedUp(long id);
}
