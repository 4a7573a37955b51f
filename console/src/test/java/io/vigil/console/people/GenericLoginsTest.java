package io.vigil.console.people;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GenericLoginsTest {

    @Test
    void exactNamesAndStarPatternsMatchAnyCase() {
        var generic = new GenericLogins(List.of("guest", "year7*", "*-exam"));
        assertTrue(generic.matches("Guest"));
        assertTrue(generic.matches("year7b"));
        assertTrue(generic.matches("room4-exam"));
        assertFalse(generic.matches("guest2"));
        assertFalse(generic.matches("ajones"));
        assertFalse(generic.matches("y.ear7"));
    }
}
