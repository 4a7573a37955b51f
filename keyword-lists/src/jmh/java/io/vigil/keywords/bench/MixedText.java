package io.vigil.keywords.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic benchmark text: lines like a pupil's typing (chat, homework, searches), about one in
 * ten carrying a phrase from the lists, some of those obfuscated the ways the normaliser undoes.
 */
final class MixedText {

    private static final String[] HARMLESS = {
        "I finished my maths homework before tea",
        "the football match is at 3pm on Saturday so bring your boots",
        "can you send me the slides for history please",
        "we need 2 more people for the group project on volcanoes",
        "my cat knocked the plant over again lol",
        "what time does the bus leave for the trip to the museum",
        "photosynthesis converts light energy into chemical energy",
        "Macbeth is a tragedy written by William Shakespeare around 1606",
        "how to convert fractions to decimals year 8",
        "the quadratic formula is x equals minus b plus or minus root b squared minus 4ac over 2a",
        "anyone know if drama club is still on this week",
        "I got 48/50 on the chemistry test!!",
        "minecraft server is down again, try tomorrow",
        "Mr Patel said the essay is due on the 14th",
        "best revision tips for GCSE geography rivers and coasts",
        "can't wait for the holidays, going to see my nan in Wales",
        "the French listening exam was so hard omg",
        "recipe for chocolate brownies with 200g butter",
        "who won the premier league in 2016",
        "why does ice float on water science explanation",
    };

    private MixedText() {
    }

    /** About {@code bytes} of text as lines, deterministic for a seed. */
    static List<String> lines(long seed, int bytes, List<String> listPhrases) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        int size = 0;
        while (size < bytes) {
            StringBuilder line = new StringBuilder(HARMLESS[random.nextInt(HARMLESS.length)]);
            if (random.nextInt(10) == 0) {
                String phrase = listPhrases.get(random.nextInt(listPhrases.size()));
                line.append(random.nextBoolean() ? " " : ". ").append(obfuscate(phrase, random));
            }
            if (random.nextInt(3) == 0) {
                line.append(", ").append(HARMLESS[random.nextInt(HARMLESS.length)]);
            }
            lines.add(line.toString());
            size += line.length() + 1;
        }
        return lines;
    }

    private static String obfuscate(String phrase, Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> phrase.toUpperCase(Locale.ROOT);
            case 1 -> phrase.replace('e', '3').replace('i', '1').replace('s', '$');
            case 2 -> String.join(" ", phrase.split(""));
            case 3 -> phrase.replace("e", "eee");
            default -> phrase;
        };
    }
}
