package io.vigil.keywords.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.Source;
import io.vigil.keywords.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The source decides which lists apply; checked on the shipped lists, whose domain rules cite their sources. */
class VisitedContentTest {

    private final KeywordEngine engine = KeywordEngine.bundled();

    @Test
    void aVisitedAddressAlertsByItsSite() {
        Verdict v = engine.scan("https://forum.myproana.com/topic/123-tips/", Source.URL);
        assertTrue(v.alert());
        assertEquals("eating_disorder", v.category());
        assertEquals(List.of("ed.site.myproana"), v.ruleIds());
        assertTrue(v.snippet().contains("forum.myproana.com"), v.snippet());
    }

    @Test
    void aTitleThatShowsASiteAlertsByIt() {
        Verdict v = engine.scan("Welcome to the forum - MyProAna.com - Google Chrome", Source.TITLE);
        assertEquals("eating_disorder", v.category());
        assertEquals(List.of("ed.site.myproana"), v.ruleIds());
    }

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"TYPED", "SEARCH"})
    void domainListsNeverApplyToTypedTextOrSearches(Source source) {
        assertFalse(engine.scan("my brother said forum.myproana.com is bad, dont go on it", source).alert());
        assertFalse(engine.scan("myproana.com", source).alert());
    }

    @Test
    void aSiteMatchesItsSubDomainsButNotLookAlikeNames() {
        assertTrue(engine.scan("https://m.myproana.com", Source.URL).alert());
        assertFalse(engine.scan("https://notmyproana.com/", Source.URL).alert());
        assertFalse(engine.scan("https://myproana.com.example.org/", Source.URL).alert());
    }

    @Test
    void searchTermsInAnAddressAreMatchedAsSearchTextAndBecomeTheSnippet() {
        Verdict v = engine.scan("https://www.youtube.com/results?search_query=how+to+self+harm+without+anyone+knowing",
                Source.URL);
        assertEquals("self_harm", v.category());
        assertEquals("how to self harm without anyone knowing", v.snippet());
    }

    @Test
    void aTitleThatIsAnAddressIsReadAsOne() {
        Verdict v = engine.scan("https://www.bing.com/search?q=painless%20way%20to%20kill%20myself", Source.TITLE);
        assertEquals("suicide", v.category());
    }

    @Test
    void anOrdinaryAddressStaysQuiet() {
        assertFalse(engine.scan("https://www.bbc.co.uk/bitesize/topics/zkdd2hv?q=photosynthesis", Source.URL).alert());
        assertFalse(engine.scan("BBC Bitesize - bbc.co.uk - Google Chrome", Source.TITLE).alert());
    }

    @Test
    void aLowerThresholdPercentLetsOneWeightedSignalAlertAndLeavesBannedRulesAlone() {
        String oneGroomingMove = "ile masz lat?"; // "how old are you?": one weighted grooming move, half the threshold
        assertFalse(engine.scan(oneGroomingMove, Source.TYPED).alert());
        Verdict younger = engine.scan(oneGroomingMove, Source.TYPED, 50);
        assertEquals("grooming", younger.category());
        assertTrue(engine.scan("I want to kill myself tonight", Source.TYPED, 400).alert(), "banned rules ignore the limit");
        assertEquals(5, engine.scan("I want to kill myself tonight", Source.TYPED, 400).severity());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> engine.scan("x", Source.TYPED, 10));
    }
}
