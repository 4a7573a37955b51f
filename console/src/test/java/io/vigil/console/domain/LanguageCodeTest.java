package io.vigil.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageCodeTest {

    @Test
    void onlyPlainIsoCodesAreKept() {
        assertEquals("pl", LanguageCode.clean("pl"));
        assertEquals("ur", LanguageCode.clean(" UR "));
        assertEquals("", LanguageCode.clean(null));
        assertEquals("", LanguageCode.clean("<b>pl</b>"));
        assertEquals("", LanguageCode.clean("english"));
    }

    @Test
    void theDslReadsTheLanguageInEnglishAndNothingForEnglish() {
        assertEquals("Polish", LanguageCode.nameForDsl("pl"));
        assertEquals("Urdu", LanguageCode.nameForDsl("ur"));
        assertEquals("Somali", LanguageCode.nameForDsl("so"));
        assertEquals("", LanguageCode.nameForDsl("en"));
        assertEquals("", LanguageCode.nameForDsl(""));
    }
}
