package io.vigil.agent.capture.session;

/** The OS user signed in to the session the agent watches, at the moment of asking. */
@FunctionalInterface
public interface UserSource {

    /** @return the user name; throwing or blank means "cannot tell" (the last known user is kept) */
    String currentUser();
}
