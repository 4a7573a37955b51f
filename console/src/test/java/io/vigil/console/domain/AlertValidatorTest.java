package io.vigil.console.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class AlertValidatorTest {

    private final AlertValidator validator = new AlertValidator();

    private static NewAlert valid() {
        return new NewAlert("123e4567-e89b-12d3-a456-426614174000", "dev", 1, "self_harm", 5, 10, List.of("r1"),
                "text", "chrome", "title", "", "u", Instant.EPOCH, "keyboard", "v");
    }

    private static NewAlert with(UnaryOperator<Object[]> change) {
        NewAlert a = valid();
        Object[] f = {a.uuid(), a.sequence(), a.category(), a.severity(), a.snippet()};
        f = change.apply(f);
        return new NewAlert((String) f[0], a.deviceId(), (Long) f[1], (String) f[2], (Integer) f[3], a.score(),
                a.ruleIds(), (String) f[4], a.app(), a.windowTitle(), a.url(), a.user(), a.occurredAt(), a.source(),
                a.listVersion());
    }

    static Stream<Arguments> invalidAlerts() {
        return Stream.of(
                Arguments.of("uuid", with(f -> new Object[] {"not-a-uuid", f[1], f[2], f[3], f[4]})),
                Arguments.of("uuid", with(f -> new Object[] {"", f[1], f[2], f[3], f[4]})),
                Arguments.of("sequence", with(f -> new Object[] {f[0], 0L, f[2], f[3], f[4]})),
                Arguments.of("sequence", with(f -> new Object[] {f[0], -5L, f[2], f[3], f[4]})),
                Arguments.of("category", with(f -> new Object[] {f[0], f[1], "", f[3], f[4]})),
                Arguments.of("category", with(f -> new Object[] {f[0], f[1], "self harm; drop", f[3], f[4]})),
                Arguments.of("severity", with(f -> new Object[] {f[0], f[1], f[2], 0, f[4]})),
                Arguments.of("severity", with(f -> new Object[] {f[0], f[1], f[2], 6, f[4]})),
                Arguments.of("snippet", with(f -> new Object[] {f[0], f[1], f[2], f[3], "x".repeat(501)})));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAlerts")
    void invalidFieldIsRefusedAndNamed(String field, NewAlert alert) {
        var e = assertThrows(InvalidAlertException.class, () -> validator.validate(alert));
        assertEquals(field, e.field());
    }

    @Test
    void aWellFormedAlertPasses() {
        assertDoesNotThrow(() -> validator.validate(valid()));
    }

    @Test
    void aSnippetOfExactly500CharactersIsAccepted() {
        assertDoesNotThrow(() -> validator.validate(with(f -> new Object[] {f[0], f[1], f[2], f[3], "x".repeat(500)})));
    }
}
