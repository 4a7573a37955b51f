package io.vigil.keywords.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VisitedAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://www.Example.org/path?x=1 | www.example.org",
            "http://user:pw@m.example.co.uk:8080/a | m.example.co.uk",
            "example.org | example.org",
            "  https://example.org. | example.org",
            "HTTPS://EXAMPLE.ORG/Caps | example.org"})
    void hostIsLowerCaseWithoutPortUserInfoOrTrailingDot(String text, String host) {
        assertEquals(host, VisitedAddress.parse(text).orElseThrow().host());
    }

    @Test
    void hostOffsetPointsAtTheHostInTheOriginalText() {
        String text = "  https://www.example.org/x";
        VisitedAddress a = VisitedAddress.parse(text).orElseThrow();
        assertEquals("www.example.org", text.substring(a.hostStart(), a.hostStart() + a.host().length()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://www.google.com/search?q=how+to+self+harm&oq=how+to&sourceid=chrome | how to self harm",
            "https://www.youtube.com/results?search_query=como+se+cortar+sem+deixar+marca | como se cortar sem deixar marca",
            "https://www.bing.com/search?q=kill%20myself&form=QBLH | kill myself",
            "https://search.yahoo.com/search?p=pro+ana+tips | pro ana tips",
            "https://yandex.ru/search/?text=%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82 | привет",
            "https://duckduckgo.com/?Q=caps+name&t=h_ | caps name",
            "https://www.google.com/search?q=100%+sure&x=1 | 100% sure",
            "https://example.org/?q=a#q=fragment-ignored | a"})
    void searchParametersAreDecoded(String url, String term) {
        assertEquals(List.of(term), VisitedAddress.parse(url).orElseThrow().searchTerms());
    }

    @Test
    void otherParametersAndEmptyValuesAreNotSearchTerms() {
        assertEquals(List.of(), VisitedAddress.parse("https://example.org/?id=5&oq=kill+myself&q=&ref=x").orElseThrow()
                .searchTerms());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"how to tie a tie", "notes.txt", "https://", "just text with example.org in it"})
    void textThatIsNotAnAddressIsNotParsed(String text) {
        assertTrue(VisitedAddress.parse(text).isEmpty() || text.equals("notes.txt"));
    }

    @Test
    void onlyTitlesWithASchemeOrWwwAreAddresses() {
        assertTrue(VisitedAddress.isAddress("https://www.google.com/search?q=x"));
        assertTrue(VisitedAddress.isAddress("www.example.org/page"));
        assertFalse(VisitedAddress.isAddress("notes.txt - Text Editor"));
        assertFalse(VisitedAddress.isAddress("example.org"));
    }

    @Test
    void hostsInATitleAreFoundButNotFileNamesInsidePathsOrEmails() {
        assertEquals(List.of(new HostsInTitle.Found("stake.com", 0)), HostsInTitle.in("Stake.com - Online Casino"));
        assertEquals("example.org", HostsInTitle.in("Home | example.org - Chromium").getFirst().host());
        assertTrue(HostsInTitle.in("write to me@example.org").isEmpty());
        assertTrue(HostsInTitle.in("version 3.5 notes").isEmpty());
    }
}
