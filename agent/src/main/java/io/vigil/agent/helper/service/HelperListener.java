package io.vigil.agent.helper.service;

import io.vigil.agent.helper.wire.HelperMessage;

/** What the helper server tells the rest of the service about helpers coming and going. */
public interface HelperListener {

    void connected(String user);

    void capabilities(String user, HelperMessage.Capabilities capabilities);

    /** The verified user accepted this notice version in the helper's window (the helper cannot name a user). */
    void noticeAccepted(String user, String version);

    /** @param saidGoodbye false when the helper vanished (killed, crashed) rather than stopping on purpose */
    void disconnected(String user, boolean saidGoodbye);

    /** The helper matches with these keyword lists now; {@code problem} says why not the ones announced last. */
    default void listsInUse(String user, String version, String problem) {
    }
}
