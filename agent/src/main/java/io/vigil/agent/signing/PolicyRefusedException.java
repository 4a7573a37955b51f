package io.vigil.agent.signing;

/** Why a pushed policy was not applied, in words for the IT administrator (sent back in PolicyApplied). */
public final class PolicyRefusedException extends Exception {

    public PolicyRefusedException(String message) {
        super(message);
    }
}
