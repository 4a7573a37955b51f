package io.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConsoleAddressTest {

    @Test
    void hostAndPortAreParsed() {
        assertEquals(new ConsoleAddress("console.school.example", 7443), ConsoleAddress.parse("console.school.example:7443"));
    }

    @Test
    void bracketedIpv6IsParsedAndPrintedBack() {
        ConsoleAddress address = ConsoleAddress.parse("[::1]:7443");
        assertEquals("::1", address.host());
        assertEquals("[::1]:7443", address.toString());
    }

    @Test
    void badAddressesNameTheProblem() {
        assertEquals("console address 'console' is not HOST:PORT",
                assertThrows(IllegalArgumentException.class, () -> ConsoleAddress.parse("console")).getMessage());
        assertEquals("console address 'console:http': port 'http' is not a number",
                assertThrows(IllegalArgumentException.class, () -> ConsoleAddress.parse("console:http")).getMessage());
        assertEquals("console port 70000 is outside 1-65535",
                assertThrows(IllegalArgumentException.class, () -> ConsoleAddress.parse("console:70000")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConsoleAddress.parse("::1:7443"));
    }
}
