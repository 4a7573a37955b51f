package io.vigil.agent.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.capture.KeyTyped;
import io.vigil.agent.capture.LineBreak;
import io.vigil.agent.capture.WindowFocused;
import io.vigil.agent.policy.DetectionProfile;
import io.vigil.agent.policy.DetectionProfile.Name;
import io.vigil.keywords.KeywordEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Window titles by their source (sites, addresses, searches) and each user's detection profile, on the shipped lists. */
class VisitedContentAndProfilesTest {

    private static final KeywordScanner SCANNER = new KeywordScanner(KeywordEngine.bundled());
    /** j.smith is in year 2 (KS1), a.khan in year 11 (KS4), t.jones is staff. */
    private static final Map<String, Name> PROFILES = Map.of("j.smith", Name.KS1, "a.khan", Name.KS4, "t.jones", Name.STAFF);

    private final List<AlertRecord> alerts = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private final AlertDetector detector = new AlertDetector(SCANNER, new SignInWindowGuard(), new MutableClock(),
            Duration.ofSeconds(10), "j.smith", "keyboard", alerts::add, user -> {
                asked.add(user);
                return DetectionProfile.builtIn(PROFILES.get(user));
            });

    private void as(String user, String title) {
        detector.accept(new WindowFocused(title, "chromium").withUser(user));
    }

    private void typeLine(String text) {
        text.chars().forEach(c -> detector.accept(new KeyTyped((char) c)));
        detector.accept(new LineBreak());
    }

    @Test
    void aTitleThatIsAnAddressAlertsByItsSiteWithTheAddressAsUrl() {
        as("j.smith", "https://www.xvideos.com/video123/some-title");
        assertEquals(1, alerts.size());
        AlertRecord a = alerts.getFirst();
        assertEquals("sexual_content", a.category());
        assertEquals("url", a.source());
        assertEquals("https://www.xvideos.com/video123/some-title", a.url());
        assertTrue(a.ruleIds().contains("sc.site.xvideos"), a.ruleIds().toString());
    }

    @Test
    void aSearchInsideAnAddressAlertsWithTheDecodedTermAsSnippet() {
        as("j.smith", "https://www.youtube.com/results?search_query=how+to+self+harm+without+it+showing");
        assertEquals("self_harm", alerts.getFirst().category());
        assertEquals("how to self harm without it showing", alerts.getFirst().snippet());
    }

    @Test
    void aTitleShowingASiteAlertsButTypingItsNameDoesNot() {
        as("j.smith", "Home - myproana.com - Chromium");
        assertEquals("eating_disorder", alerts.getFirst().category());
        assertEquals("window_title", alerts.getFirst().source());
        alerts.clear();
        as("j.smith", "Notes - Docs");
        typeLine("my cousin showed me myproana.com and it was horrible");
        assertEquals(List.of(), alerts, "domain lists never apply to typed text");
    }

    @Test
    void aKs1PupilAlertsOnWhatAKs4ProfileIgnoresAndTheProfileFollowsTheSignedInUser() {
        as("j.smith", "Chat - Teams");
        typeLine("my insta is @mia.x.2013 and my snap is mia_xo13 add me");
        assertEquals(1, alerts.size(), "KS1: personal information at severity 2 alerts");
        assertEquals("personal_info", alerts.getFirst().category());
        assertEquals(2, alerts.getFirst().severity());

        as("a.khan", "Chat - Teams");
        typeLine("my insta is @mia.x.2013 and my snap is mia_xo13 add me");
        assertEquals(1, alerts.size(), "KS4: the same line is below the profile's limit for personal information");
        typeLine("I want to kill myself tonight");
        assertEquals(2, alerts.size(), "imminent risk alerts in every profile");
        assertEquals("a.khan", alerts.getLast().user());
        assertEquals(List.of("j.smith", "a.khan"), asked, "the profile is looked up once per user switch");
    }

    @Test
    void staffProfileSkipsFilterBypass() {
        as("t.jones", "https://www.croxyproxy.com/");
        assertEquals(List.of(), alerts);
        as("j.smith", "https://www.croxyproxy.com/");
        assertEquals("filter_bypass", alerts.getFirst().category());
    }

    @Test
    void aWeightedSignalBelowTheListsThresholdAlertsUnderAProfileWithALowerLimit() {
        AlertDetector younger = new AlertDetector(SCANNER, new SignInWindowGuard(), new MutableClock(),
                Duration.ofSeconds(10), "p.one", "keyboard", alerts::add,
                user -> new DetectionProfile(Name.KS1, 1, Map.of(), 50));
        younger.accept(new WindowFocused("Roblox chat", "roblox"));
        "ile masz lat?".chars().forEach(c -> younger.accept(new KeyTyped((char) c)));
        younger.accept(new LineBreak());
        assertEquals(1, alerts.size(), "one grooming move at half the threshold");
        assertEquals("grooming", alerts.getFirst().category());
        as("a.khan", "Roblox chat");
        typeLine("ile masz lat?");
        assertEquals(1, alerts.size(), "the lists' own threshold: one move is not enough");
    }
}
