package io.vigil.agent.help;

/**
 * Where the Get-help page hands a pupil's request: the {@link HelpDesk} itself in {@code run} mode, the system
 * service over the helper socket in service+helper mode (the service then raises the alert for the user the
 * kernel vouched for).
 */
@FunctionalInterface
public interface HelpInbox {

    /**
     * @throws IllegalArgumentException when the words are not acceptable (the message is for the pupil)
     * @throws java.io.UncheckedIOException when the request cannot be handed on right now
     */
    void ask(HelpRequest request, String words);
}
