package io.vigil.agent.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchQueriesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', nullValues = "NONE", value = {
        "how to tie a tie - Google Search - Google Chrome # how to tie a tie",
        "how to tie a tie - Google Search - Chromium # how to tie a tie",
        "how to tie a tie - Google Search # how to tie a tie",
        "cheap flights - Search - Microsoft Bing — Mozilla Firefox # cheap flights",
        "cheap flights - Bing - Microsoft\u200B Edge # cheap flights",
        "cheap flights at DuckDuckGo — Mozilla Firefox # cheap flights",
        "cheap flights at DuckDuckGo # cheap flights",
        "minecraft tutorial - YouTube - Google Chrome # minecraft tutorial",
        "Find 'dance trend' on TikTok | TikTok Search # dance trend",
        "Google - Google Chrome # NONE",
        "Inbox (3) - pupil@school.org - Gmail - Google Chrome # NONE",
        "Year 9 chat - Microsoft Teams # NONE",
        "YouTube - Google Chrome # NONE",
    })
    void extractsTheQueryFromSearchResultTitles(String title, String query) {
        assertEquals(Optional.ofNullable(query), SearchQueries.extract(title.strip()));
    }
}
