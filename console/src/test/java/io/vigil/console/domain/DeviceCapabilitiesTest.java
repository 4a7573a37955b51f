package io.vigil.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceCapabilitiesTest {

    @Test
    void aFilterOutOfTheDnsPathIsSaidInPlainWords() {
        DeviceCapabilities c = new DeviceCapabilities(List.of("filter.dns"), Map.of(
                "filter.in_path", "the system resolver does not send look-ups to the filter",
                "capture.keyboard", "no display"));
        assertEquals(List.of("keyboard capture unavailable: no display",
                "filter not in path: the system resolver does not send look-ups to the filter"), c.problems());
    }
}
