package io.vigil.agent.capture.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentUserTest {

    private final CurrentUser current = new CurrentUser("amy");
    private final List<String> heard = new ArrayList<>();

    @Test
    void aSwitchIsHeardOnceByEveryListenerAndReadByAll() {
        current.onChange(heard::add);
        current.onChange(u -> heard.add("again:" + u));
        current.signedIn("ben");
        current.signedIn("ben");
        assertEquals("ben", current.get());
        assertEquals(List.of("ben", "again:ben"), heard);
    }

    @Test
    void theUserAlreadySignedInIsNoChange() {
        current.onChange(heard::add);
        current.signedIn("amy");
        assertEquals(List.of(), heard);
    }

    @Test
    void aFailingListenerDoesNotKeepTheOthersOnTheOldUser() {
        current.onChange(u -> {
            throw new IllegalStateException("notice window gone");
        });
        current.onChange(heard::add);
        current.signedIn("ben");
        assertEquals(List.of("ben"), heard);
    }
}
