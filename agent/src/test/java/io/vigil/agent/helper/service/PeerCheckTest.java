package io.vigil.agent.helper.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeerCheckTest {

    @Test
    void theSessionOwnersOwnHelperIsAccepted() {
        assertEquals(Optional.empty(), new PeerCheck(() -> Set.of("pupil.one")).refusal("pupil.one", "pupil.one"));
    }

    @Test
    void aHelperClaimingAnotherUsersSessionIsRefused() {
        String why = new PeerCheck(() -> Set.of("pupil.one")).refusal("pupil.two", "pupil.one").orElseThrow();
        assertTrue(why.contains("runs as 'pupil.two' but claims the session of 'pupil.one'"), why);
    }

    @Test
    void anHonestHelperOfAUserWithoutASessionIsRefused() {
        String why = new PeerCheck(() -> Set.of("pupil.one")).refusal("nobody", "nobody").orElseThrow();
        assertTrue(why.contains("'nobody' owns no session"), why);
    }

    @Test
    void withoutSessionInformationTheClaimMustMatchTheKernelsWord() {
        PeerCheck check = new PeerCheck(Set::of);
        assertEquals(Optional.empty(), check.refusal("pupil.one", "pupil.one"));
        assertTrue(check.refusal("pupil.one", "").isPresent());
    }

    @Test
    void logindSessionListsAreRead() {
        assertEquals(Set.of("pupil.one", "mr.jones"), SessionOwners.parse("""
                     3 1001 pupil.one seat0 tty2
                     7 1002 mr.jones  -     pts/1
                """));
    }
}
