package io.vigil.keywords.format;

import io.vigil.keywords.match.CompiledPattern;

import java.util.Set;

/**
 * Words for who a pupil is or a health condition they live with. Monitoring must never out a child: a pupil
 * searching "am i gay" or writing "i'm autistic" is not a safeguarding alert. So no rule may match on these
 * words alone; they count only together with a hostile or harmful predicate, in a {@code near} rule with a
 * pattern that is not itself an identity word ({@code "gays" "should die"}).
 *
 * <p>Held twice: the validator refuses a banned rule made only of these words, and the engine never lets a
 * category alert when every rule that counted is made only of them (weights of "gay people" and "muslims"
 * do not add up to an alert without a predicate).
 */
public final class IdentityWords {

    private static final Set<String> WORDS = Set.of(
            "gay", "gays", "lesbian", "lesbians", "bi", "bisexual", "trans", "transgender", "queer", "lgbt", "lgbtq",
            "nonbinary", "non binary", "enby", "pan", "pansexual", "asexual", "ace", "intersex", "homosexual",
            "autistic", "autism", "adhd", "dyslexic", "disabled", "deaf", "blind", "epileptic", "diabetic",
            "depressed", "depression", "anxiety", "anxious", "bipolar", "ocd", "ptsd", "schizophrenic",
            "muslim", "jewish", "jew", "christian", "sikh", "hindu", "black", "asian", "mixed race", "immigrant",
            "refugee", "traveller", "gypsy", "roma", "pregnant",
            "muslims", "jews", "christians", "sikhs", "hindus", "asians", "immigrants", "refugees", "travellers",
            "gypsies", "pakistani", "pakistanis", "romanian", "romanians", "polish", "somali", "somalis", "arab",
            "arabs", "african", "africans", "indian", "indians", "bengali", "bangladeshi", "turkish", "portuguese",
            // the same words as pupils type them in the round-4 languages
            "gej", "lesbijka", "homoseksualista", "escinsel", "gey", "homossexual",
            "depresja", "depresie", "depresyon", "depresion", "depressao", "autyzm", "otizm", "autismo", "autist");

    /** Neutral nouns that make a group of an identity word ("gay people", "trans kids") without a predicate. */
    private static final Set<String> GROUP_NOUNS = Set.of("people", "person", "persons", "kids", "children", "men",
            "women", "boys", "girls", "guys", "folk", "community", "students", "pupils");

    private IdentityWords() {
    }

    /**
     * Whether {@code pattern} names only who someone is: identity or health words, possibly with a neutral group
     * noun ("gay people"), and no predicate.
     */
    public static boolean only(CompiledPattern pattern) {
        if (WORDS.contains(pattern.toString().replace("*", ""))) {
            return true;
        }
        boolean identity = false;
        for (CompiledPattern.Word w : pattern.words()) {
            if (WORDS.contains(w.text())) {
                identity = true;
            } else if (!GROUP_NOUNS.contains(w.text())) {
                return false;
            }
        }
        return identity;
    }
}
