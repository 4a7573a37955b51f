package io.vigil.console.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where TOTP secrets (sealed), used time steps and recovery-code hashes are kept, by user id. */
public interface SecondFactorRepository {

    /** Replaces the user's secret and recovery codes, and forgets used steps. */
    void enrol(long userId, String sealedSecret, List<String> recoveryCodeHashes, Instant at);

    Optional<String> sealedSecret(long userId);

    /** Records that the code of {@code step} was used; false if it already was (a replay). */
    boolean useStep(long userId, long step);

    /** Marks an unused recovery code used; false if there is no such unused code. */
    boolean useRecoveryCode(long userId, String codeHash, Instant at);
}
