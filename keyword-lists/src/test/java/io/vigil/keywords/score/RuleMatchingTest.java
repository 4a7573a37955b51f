package io.vigil.keywords.score;

import io.vigil.keywords.Fixtures;
import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Table-driven: each rule kind and normalisation trick against the fixture lists (fixtures/basic). */
class RuleMatchingTest {

    private static final KeywordEngine ENGINE = Fixtures.basic();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # text                                   | category  | rules
            # term: whole word
            kms                                      | suicide   | su.kms
            honestly kms lol                         | suicide   | su.kms
            # term: phrase tolerant of spacing and punctuation
            I want to kill myself                    | suicide   | su.kill-myself
            kill   myself                            | suicide   | su.kill-myself
            kill-myself                              | suicide   | su.kill-myself
            kill...myself                            | suicide   | su.kill-myself
            killmyself                               | suicide   | su.kill-myself
            # term: prefix
            I feel suicidal                          | suicide   | su.suicid
            SUICIDE                                  | suicide   | su.suicid
            # normalisation tricks
            5u1c1d3                                  | suicide   | su.suicid
            ѕuісіdе                                  | suicide   | su.suicid
            sui\u200bcide                            | suicide   | su.suicid
            $elf h@rm                                | self_harm | sh.self-harm
            s e l f h a r m                          | self_harm | sh.self-harm
            selfharm                                 | self_harm | sh.self-harm
            K I L L  M Y S E L F                     | suicide   | su.kill-myself
            i want to k i l l m y s e l f            | suicide   | su.kill-myself
            kiiilll myselfff                         | suicide   | su.kill-myself
            unaliveee                                | suicide   | su.unalive
            k.y.s                                    | bullying  | bu.kys
            # near: any order within the window, escalates to 5
            cut up my arms                           | self_harm | sh.cut-arms
            my arms, I cut them                      | self_harm | sh.cut-arms
            tonight I will kill myself with pills    | suicide   | su.plan su.kill-myself su.pills
            # weighted rules add up to the threshold
            nobody likes you, loser                  | bullying  | bu.nobody bu.loser
            """)
    void alertsOnRule(String text, String category, String rules) {
        Verdict v = ENGINE.scan(text.replace("\\u200b", "\u200b"));
        assertEquals(category, v.category(), () -> "text: " + text + " -> " + v);
        List<String> expected = Arrays.asList(rules.split(" "));
        assertEquals(expected.stream().sorted().toList(), v.ruleIds().stream().sorted().toList(), text);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # whole word: no match inside other words
            skmsx
            unkmsd
            # prefix needs the start of a word
            presuicidal
            # exceptions cancel
            watching suicide squad tonight
            Suicide   Squad is a film
            cutting my hair short
            # weighted rule alone stays under the threshold
            you are a loser
            I could just die of embarrassment
            # near window too wide: 'cut' and 'arm' more than 4 words apart
            I cut the cake and then hurt my arm
            # numbers and punctuation are not leet
            I have 2 pills at 3am for £50
            take 2 pills at 3am
            # stretched letters don't turn one word into another
            kil myself
            # emoji alone under threshold
            🔪
            """)
    void doesNotAlert(String text) {
        Verdict v = ENGINE.scan(text);
        assertFalse(v.alert(), () -> "text: " + text + " -> " + v);
    }
}
