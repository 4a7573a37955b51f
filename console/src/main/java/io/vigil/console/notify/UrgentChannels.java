package io.vigil.console.notify;

/** Where urgent-alert messages go. Implementations throw {@link DeliveryException} when a send may be retried. */
public final class UrgentChannels {

    private UrgentChannels() {
    }

    /** Email to one person. */
    public interface Email {
        void send(String to, String subject, String body) throws DeliveryException;
    }

    /** One chat channel (a Teams or Slack incoming webhook). */
    public interface Webhook {
        void post(String text, String link) throws DeliveryException;
    }

    /** A send that failed and may work later (server down, timeout, 5xx). */
    public static final class DeliveryException extends Exception {
        public DeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
