package io.vigil.agent.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretTokensTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "i want to kill myself tonight!!!            | i want to kill myself tonight!!!",
        "my pass is Tr0ub4dor&3                      | my pass is [hidden]",
        "login hunter2024secret please               | login [hidden] please",
        "key sk_live_51HxQz8a9b7c6d5e4f3g2h1         | key [hidden]",
        "see https://example.org/a1b2c3?x=Y9         | see https://example.org/a1b2c3?x=Y9",
        "the battle of hastings was in 1066          | the battle of hastings was in 1066",
        "Saturday's match, 3-1 to us                 | Saturday's match, 3-1 to us",
    })
    void masksOnlyWordsThatLookLikeSecrets(String text, String expected) {
        assertEquals(expected.strip(), SecretTokens.mask(text.strip()));
    }
}
