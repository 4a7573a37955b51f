package io.vigil.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HardwareIdsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "PF3XK9QZ | true",
            "5CG1234XYZ | true",
            "0f1e2d3c4b5a69788796a5b4c3d2e1f0 | true",
            "machine-id:0f1e2d3c4b5a69788796a5b4c3d2e1f0 | false",
            "To be filled by O.E.M. | false",
            "Default string | false",
            "System Serial Number | false",
            "unknown | false",
            "UNKNOWN | false",
            "0 | false",
            "000000000000 | false",
            "abc | false",
            "'' | false",
            "NULL | false"})
    void onlyDistinctiveIdsRecogniseARe_imagedDevice(String id, boolean distinctive) {
        assertEquals(distinctive, HardwareIds.isDistinctive(id), () -> "'" + id + "'");
    }
}
